using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>"cancel", "stop": ends whatever is in progress, saving nothing of it.</summary>
public sealed class CancelCommand(StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Cancel, turn.Text))
        {
            return false;
        }

        var dc = turn.Dialogs;
        if (dc.ActiveDialog is not null)
        {
            var title = dc.DescribeActive()?.Title;
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            var stopped = title is null ? strings[ConversationStrings.StoppedUntitled] : strings.Text(ConversationStrings.Stopped, ("title", title.ToLowerInvariant()));
            await dc.Context.SendActivityAsync(MessageFactory.Text(stopped), cancellationToken).ConfigureAwait(false);
            return true;
        }

        await dc.Context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NothingToStop]), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
