using ReflectBot.Dialogs;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The dialog in progress takes the message. A journey started by its command (not from a clinician's assignment,
/// which wraps it and reports its own) ends here with its outcome: whoever wants to know is told (the clinic).
/// </summary>
public sealed class ContinueDialogCommand(IEnumerable<IJourneyCompletionObserver> completion) : ITurnCommand
{
    private readonly IReadOnlyList<IJourneyCompletionObserver> _completion = [.. completion];

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Dialogs.ActiveDialog is null)
        {
            return false;
        }

        var result = await turn.Dialogs.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Complete && result.Result is JourneyOutcome outcome)
        {
            foreach (var observer in _completion)
            {
                await observer.OnJourneyCompletedAsync(turn.Context, outcome.JourneyId, null, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }
}
