namespace ReflectBot.Clinic;

/// <summary>The delivery scheduler. Section "Clinic:Scheduler".</summary>
public sealed class SchedulerOptions
{
    /// <summary>Whether this instance runs the scheduler loop at all (every instance may; one leads at a time).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two rounds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A claim older than this that was never confirmed as sent is taken to be from an instance that
    /// stopped between claiming and confirming; the occurrence is then sent once more (never a third time).
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On blob storage: how long the leader's blob lease lasts without renewal (15 to 60 seconds, the
    /// service's limits). A leader that dies leaves the lease to the others after this long.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);
}
