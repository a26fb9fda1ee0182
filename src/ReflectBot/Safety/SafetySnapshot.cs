using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>What the safety feature read of this turn's state before answering: its memory, the profile, and what is in progress.</summary>
public sealed record SafetySnapshot(SafetyMemory Memory, UserProfile? Profile, string? ActiveDialogId)
{
    public bool DialogActive => ActiveDialogId is not null;

    public bool WritingSafetyPlan => ActiveDialogId == SafetyPlan.JourneyId;
}
