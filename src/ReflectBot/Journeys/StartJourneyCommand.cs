using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Journeys;

/// <summary>
/// "check in", "fears", ...: starts the journey whose command the message is, setting aside any other; unless
/// it is paused for this person (<see cref="IJourneyAvailability"/>), when they are told so and by whom.
/// </summary>
public sealed class StartJourneyCommand(JourneyCatalog catalog, StringCatalog strings, IJourneyAvailability? availability = null) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (catalog.ByCommand(turn.Text) is not { } journey)
        {
            return false;
        }

        if (availability is not null && await availability.PausedByAsync(turn, journey.Id, cancellationToken).ConfigureAwait(false) is { } by)
        {
            await turn.Context.SendActivityAsync(Microsoft.Bot.Builder.MessageFactory.Text(strings.Text(JourneyStrings.Paused, ("title", journey.Title), ("clinician", by))), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (turn.Dialogs.ActiveDialog is not null)
        {
            await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await turn.Dialogs.BeginDialogAsync(journey.Id, null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
