using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>"hi" with nothing in progress: the welcome (or a hello), then the daily check-in.</summary>
public sealed class GreetingCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Greeting, turn.Text) || turn.Dialogs.ActiveDialog is not null)
        {
            return false;
        }

        var greeting = strings[turn.Profile.Welcomed ? ConversationStrings.Hello : ConversationStrings.Welcome];
        turn.Profile.Welcomed = true;
        await turn.Context.SendActivityAsync(MessageFactory.Text(greeting), cancellationToken).ConfigureAwait(false);
        if (catalog.Find(Menu.DefaultJourneyId) is not null)
        {
            await turn.Dialogs.BeginDialogAsync(Menu.DefaultJourneyId, null, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
