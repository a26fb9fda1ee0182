namespace ReflectBot.Clinic;

/// <summary>
/// Everything one clinician may see of one client since their last session, already authorized: a part
/// the client does not share is null (not empty), so every rendering can say "not shared" rather than "none".
/// </summary>
public sealed record SessionSummary(
    string ClientName,
    string ClinicianName,
    DateTimeOffset FromUtc,
    DateTimeOffset ToUtc,
    DateTimeOffset? NextSessionUtc,
    CompletionSummary? Completion,
    IReadOnlyList<MoodPoint>? Mood,
    IReadOnlyList<SummaryScore>? Scores,
    int? SafetyChecks,
    IReadOnlyList<SummaryEntry>? Entries,
    IReadOnlyList<SessionFlag> Flags);
