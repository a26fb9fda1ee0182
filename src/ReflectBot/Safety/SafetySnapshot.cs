using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// What the safety feature read of this turn's state before answering: its memory, the profile, what is in progress,
/// and the question the person was asked last, in its own words, when a prompt is waiting (what this message answers).
/// </summary>
public sealed record SafetySnapshot(SafetyMemory Memory, UserProfile? Profile, string? ActiveDialogId, string? OpenQuestion = null)
{
    public bool DialogActive => ActiveDialogId is not null;

    public bool WritingSafetyPlan => ActiveDialogId == SafetyPlan.JourneyId;
}
