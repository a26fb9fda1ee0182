using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Journeys;

/// <summary>"check in", "fears", ...: starts the journey whose command the message is, setting aside any other.</summary>
public sealed class StartJourneyCommand(JourneyCatalog catalog) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (catalog.ByCommand(turn.Text) is not { } journey)
        {
            return false;
        }

        if (turn.Dialogs.ActiveDialog is not null)
        {
            await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await turn.Dialogs.BeginDialogAsync(journey.Id, null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
