using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>The last row: nothing took the message, so say so and show the menu (or ask for words).</summary>
public sealed class NotUnderstoodCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        if (turn.Text is null)
        {
            await context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NoWords]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        await context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NotSure]), cancellationToken).ConfigureAwait(false);
        await context.SendActivityAsync(Menu.Card(catalog, strings, context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
