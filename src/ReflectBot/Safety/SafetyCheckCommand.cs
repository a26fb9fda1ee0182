using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// A typed answer to "Are you safe right now?" ("no", "not really", "yes"), in the message right after
/// the question. Runs before the global words, and whatever the message is, the question is answered or
/// dropped by it: a later "yes" to a journey's question is never taken for it.
/// </summary>
public sealed class SafetyCheckCommand(SafetyContent content, SafetyTurnState state, CrisisResponder responder, TimeProvider time) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memory = await state.PeekInTurnAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        if (memory?.CheckAskedUtc is not { } asked)
        {
            return false;
        }

        memory.CheckAskedUtc = null;
        await state.SetInTurnAsync(turn.Context, memory, cancellationToken).ConfigureAwait(false);
        if (time.GetUtcNow() - asked > SafetyMemory.CheckValidFor || content.Replies.CheckAnswer(turn.Text) is not { } safe)
        {
            return false;
        }

        await responder.AnswerCheckAsync(turn.Context, safe, turn.Profile, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
