namespace ReflectBot.Clinic;

/// <summary>Assigned reflections done and missed this week, and when the client last checked in.</summary>
public sealed record CompletionSummary(int DoneThisWeek, int MissedThisWeek, DateTimeOffset? LastCheckInUtc);
