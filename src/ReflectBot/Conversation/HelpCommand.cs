using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>"help": where the user is in what is in progress (and its question again), or what the bot can do.</summary>
public sealed class HelpCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Help, turn.Text))
        {
            return false;
        }

        var dc = turn.Dialogs;
        if (dc.DescribeActive() is { } described)
        {
            var title = described.Title.ToLowerInvariant();
            var where = described.Progress is { } at
                ? strings.Text(ConversationStrings.WhereYouAreAt, ("title", title), ("question", at.Question), ("of", at.Of))
                : strings.Text(ConversationStrings.WhereYouAre, ("title", title));
            await dc.Context.SendActivityAsync(MessageFactory.Text(where), cancellationToken).ConfigureAwait(false);
            await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        var commands = string.Join(", ", catalog.All.Select(j => $"\"{j.StartCommand}\""));
        await dc.Context.SendActivityAsync(MessageFactory.Text(strings.Text(ConversationStrings.Help, ("commands", commands))), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
