using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>"are you a bot?": plainly yes, then the question in progress again.</summary>
public sealed class AreYouABotCommand(StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.AreYouABot, turn.Text))
        {
            return false;
        }

        await turn.Context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.IAmABot]), cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
