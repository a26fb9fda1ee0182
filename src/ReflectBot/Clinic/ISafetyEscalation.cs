using Microsoft.Bot.Builder;

namespace ReflectBot.Clinic;

/// <summary>
/// Where a measure sends a positive answer to a self-harm item (PHQ-9 item 9). A seam: the safety feature
/// plugs in its follow-up questions and replies (<see cref="SafetyCrisisEscalation"/>).
/// </summary>
public interface ISafetyEscalation
{
    /// <summary>The follow-up questions, in order: thoughts now, a plan, safe right now.</summary>
    (string ThoughtsNow, string Plan, string SafeNow) Questions { get; }

    /// <summary>
    /// Routes the follow-up answers to the matching reply. True when the measure pauses for the crisis reply
    /// (the score message is then not sent); false when it carries on after a gentle word.
    /// </summary>
    Task<bool> EscalateAsync(ITurnContext turnContext, string measureId, bool thoughtsNow, bool plan, bool safeNow, CancellationToken cancellationToken = default);
}
