using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// The journey in progress at a crisis reply is held (<see cref="SafetyMemory.HoldDialogId"/>) for as long as the
/// steady reply lasts (<see cref="SafetyMemory.StayCloseFor"/>), until "back". A hold ends by itself when that
/// dialog is no longer the one in progress (stopped, or another started from the buttons).
/// </summary>
public sealed class SafetyHold(SafetyTurnState state, TimeProvider time) : IDialogHold
{
    public async Task<bool> HoldsAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memory = await state.PeekInTurnAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        if (memory?.HoldDialogId is null)
        {
            return false;
        }

        if (memory.Holds(turn.Dialogs.ActiveDialog?.Id, time.GetUtcNow()))
        {
            return true;
        }

        memory.HoldDialogId = null;
        await state.SetInTurnAsync(turn.Context, memory, cancellationToken).ConfigureAwait(false);
        return false;
    }

    public async Task ReleaseAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memory = await state.PeekInTurnAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        if (memory?.HoldDialogId is not null)
        {
            memory.HoldDialogId = null;
            await state.SetInTurnAsync(turn.Context, memory, cancellationToken).ConfigureAwait(false);
        }
    }
}
