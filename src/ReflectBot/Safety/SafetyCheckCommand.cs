using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// A typed answer to "Are you safe right now?" ("no", "not really", "yes", "omg stop. i am SAFE. it's just
/// relationship stuff"), in the message right after the question. Runs before the global words, and whatever the
/// message is, the question is answered or dropped by it: a later "yes" to a journey's question, or to "delete
/// everything?", is never taken for it. The one exception is asking for the lines or naming the region ("what are
/// the numbers", "region uk"): that is no answer, and the person's next message still answers the question. A longer message is read clause by clause only when the screen found no risk in it, so "i'm fine. i just
/// want to sleep forever" is never taken for "safe".
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

        var replies = content.Replies;
        var screened = turn.Context.TurnState.Get<ScreenResult>();
        var answer = screened is null || screened.Level == RiskLevel.None ? replies.CheckAnswerInClauses(turn.Text) : replies.CheckAnswer(turn.Text);
        var current = time.GetUtcNow() - asked <= SafetyMemory.CheckValidFor;
        if (current && answer is null && AsksForLines(turn.Text))
        {
            return false;
        }

        memory.CheckAskedUtc = null;
        await state.SetInTurnAsync(turn.Context, memory, cancellationToken).ConfigureAwait(false);
        if (!current || answer is not { } safe)
        {
            return false;
        }

        await responder.AnswerCheckAsync(turn.Context, safe, turn.Profile, misread: safe && replies.SaysMisread(turn.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static bool AsksForLines(string? text) => !string.IsNullOrWhiteSpace(text) && (LinesCommand.Claims(text) || RegionCommand.Claims(text));
}
