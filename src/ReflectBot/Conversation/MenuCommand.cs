using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>"menu": the menu, and a word that what is in progress is still open underneath.</summary>
public sealed class MenuCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Menu, turn.Text))
        {
            return false;
        }

        var context = turn.Context;
        await context.SendActivityAsync(Menu.Card(catalog, strings, context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        if (turn.Dialogs.DescribeActive()?.Title is { } open)
        {
            await context.SendActivityAsync(MessageFactory.Text(strings.Text(ConversationStrings.Paused, ("title", open.ToLowerInvariant()))), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
