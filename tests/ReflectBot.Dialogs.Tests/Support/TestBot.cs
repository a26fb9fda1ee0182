using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>
/// Builds a conversation with a root dialog the way the bot runs it: conversation state over memory
/// storage, <see cref="DialogExtensions.RunAsync"/>, then save, every turn.
/// </summary>
internal static class TestBot
{
    public static TestFlow Flow(Dialog root, string channelId = Channels.Test, Action<ITurnContext>? beforeTurn = null)
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        return new TestFlow(new TestAdapter(channelId), async (turn, cancellationToken) =>
        {
            beforeTurn?.Invoke(turn);
            await root.RunAsync(turn, dialogState, cancellationToken);
            await conversationState.SaveChangesAsync(turn, false, cancellationToken);
        });
    }
}
