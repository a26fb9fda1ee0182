using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>
/// A bot that "restarts" between turns: every turn gets a new adapter, new conversation state and newly
/// built dialogs, and only the JSON text in <see cref="Storage"/> carries the conversation over.
/// Like the real bot, it catches <see cref="DialogNotFoundException"/>, clears the stack and starts over.
/// </summary>
internal sealed class RestartingBot(Func<Dialog> buildRoot)
{
    public const string LostPlace = "Sorry, I lost my place after an update. Let's start again.";

    public JsonTextStorage Storage { get; } = new();

    /// <summary>Ids of dialogs the stack named but the bot no longer has.</summary>
    public List<string?> MissingDialogs { get; } = [];

    /// <summary>Builds the bot from scratch; swap the root to simulate a deployment.</summary>
    public Func<Dialog> BuildRoot { get; set; } = buildRoot;

    /// <summary>One turn of a freshly started process: the user says something, the bot must answer exactly this.</summary>
    public Task TurnAsync(string userSays, params string[] botSays)
    {
        var flow = new TestFlow(new TestAdapter(Channels.Test), RunTurnAsync).Send(userSays);
        foreach (var reply in botSays)
        {
            flow = flow.AssertReply(reply);
        }

        return flow.StartTestAsync();
    }

    /// <summary>The single conversation's stored state, as text.</summary>
    public string StoredJson => Assert.Single(Storage.Items).Value;

    private async Task RunTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var conversationState = new ConversationState(Storage);
        var dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        var root = BuildRoot();
        try
        {
            await root.RunAsync(turn, dialogState, cancellationToken);
        }
        catch (DialogNotFoundException e)
        {
            MissingDialogs.Add(e.DialogId);
            await dialogState.DeleteAsync(turn, cancellationToken);
            await turn.SendActivityAsync(LostPlace, cancellationToken: cancellationToken);
            await root.RunAsync(turn, dialogState, cancellationToken);
        }

        await conversationState.SaveChangesAsync(turn, false, cancellationToken);
    }
}
