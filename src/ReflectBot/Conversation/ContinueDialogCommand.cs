using ReflectBot.Dialogs;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The dialog in progress takes the message. A journey started by its command (not from a clinician's assignment,
/// which wraps it and reports its own) ends here with its outcome: whoever wants to know is told (the clinic). A held
/// dialog (<see cref="IDialogHold"/>: after a crisis reply, until "back") takes nothing.
/// </summary>
public sealed class ContinueDialogCommand(IEnumerable<IJourneyCompletionObserver> completion, IEnumerable<IDialogHold> holds) : ITurnCommand
{
    private readonly IReadOnlyList<IJourneyCompletionObserver> _completion = [.. completion];
    private readonly IReadOnlyList<IDialogHold> _holds = [.. holds];

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Dialogs.ActiveDialog is null || await HeldAsync(turn, cancellationToken).ConfigureAwait(false))
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

    private async Task<bool> HeldAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        foreach (var hold in _holds)
        {
            if (await hold.HoldsAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }
}
