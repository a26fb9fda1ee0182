namespace ReflectBot.Clinic;

/// <summary>
/// Who the clinicians are and how assignments are delivered. Section "Clinic". Nobody becomes a clinician
/// by anything they type: only an operator, through this configuration.
/// </summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    /// <summary>Entra object ids of clinicians in Teams (the activity's <c>from.aadObjectId</c>).</summary>
    public List<string> ClinicianAadObjectIds { get; set; } = [];

    /// <summary>
    /// Clinicians on other channels, as "{channelId}/{userId}". Honoured only when the channel vouches for the
    /// id: a Bot Framework channel authenticated by CloudAdapter, or this host's web chat signed in through
    /// a <c>clinician-link</c> ("webchat/{name}"). Never on unauthenticated /api/messages traffic.
    /// </summary>
    public List<string> ClinicianUserKeys { get; set; } = [];

    /// <summary>How long a join code can be used.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Wrong codes one user may try within <see cref="WrongCodeWindow"/> before being asked to wait.</summary>
    public int WrongCodeLimit { get; set; } = 5;

    public TimeSpan WrongCodeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wrong codes all clients together may try within <see cref="WrongCodeWindow"/>, so that many fresh
    /// identities cannot add up to many guesses (the arithmetic is on <see cref="JoinCodes"/>).
    /// </summary>
    public int GlobalWrongCodeLimit { get; set; } = 20;

    /// <summary>No reminders from this local time ("22:00": late enough that an evening reflection at 9, the most asked-for time, is allowed) ...</summary>
    public string QuietHoursStart { get; set; } = "22:00";

    /// <summary>... until this local time ("08:00"), in the client's time zone.</summary>
    public string QuietHoursEnd { get; set; } = "08:00";

    /// <summary>How long after it is due an occurrence may still be done before it counts as missed.</summary>
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far back (past <see cref="MissedAfter"/>) the scheduler looks for occurrences to mark missed.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The mood chart's window, 30 to 90 days.</summary>
    public int MoodWindowDays { get; set; } = 60;

    /// <summary>How long before a session its summary is sent to the clinician.</summary>
    public TimeSpan SummaryLead { get; set; } = TimeSpan.FromHours(24);

    public SchedulerOptions Scheduler { get; set; } = new();
}
