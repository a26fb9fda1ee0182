using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReflectBot.Kernel;

/// <summary>
/// The bot's own traces and metrics (OpenTelemetry reads them by <see cref="Name"/>; Hosting wires the exporters).
/// Every tag is a small, fixed vocabulary (a kind of turn, a store, a layer, a risk class): never what a user
/// wrote, never a user, conversation or blob key, so nothing exported can say who someone is or what they said.
/// </summary>
public static class ReflectBotTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ReflectBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>One turn end to end (middleware, state, dialog, save, send), tagged <c>turn.kind</c> and <c>turn.route</c>.</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("reflectbot.turn.duration", "s");

    /// <summary>Each request sent to storage (each retry counts), tagged <c>store</c>, <c>operation</c> and <c>outcome</c>.</summary>
    public static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>("reflectbot.storage.duration", "s");

    /// <summary>A conditional write refused because someone else wrote first (412, or 409 for create-only), tagged <c>condition</c>.</summary>
    public static readonly Counter<long> ETagConflicts = Meter.CreateCounter<long>("reflectbot.storage.etag_conflicts");

    /// <summary>
    /// A conditional write whose condition failed on its own earlier try (the client sent it again after the first
    /// try's reply was lost) and which was found in the store as written, tagged <c>condition</c>: not a conflict.
    /// </summary>
    public static readonly Counter<long> OwnWritesFound = Meter.CreateCounter<long>("reflectbot.storage.own_writes_found");

    /// <summary>A request the storage client sent again after a transient failure.</summary>
    public static readonly Counter<long> StorageRetries = Meter.CreateCounter<long>("reflectbot.storage.retries");

    /// <summary>A turn's state saved again after an ETag conflict (the turn re-run on fresh state), tagged <c>state</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> TurnConflictRetries = Meter.CreateCounter<long>("reflectbot.turn.conflict_retries");

    /// <summary>
    /// A turn's state document taken from this process's copy instead of a read, tagged <c>outcome</c>: <c>hit</c>
    /// (no read), <c>miss</c> (read), <c>stale</c> (the copy was behind: the turn ran again on a fresh read).
    /// </summary>
    public static readonly Counter<long> StateCache = Meter.CreateCounter<long>("reflectbot.state.cache");

    /// <summary>The crisis screen's time per message, tagged <c>layer</c> (lexicon, model).</summary>
    public static readonly Histogram<double> SafetyScreenDuration = Meter.CreateHistogram<double>("reflectbot.safety.screen.duration", "s");

    /// <summary>
    /// A lexicon pattern that ran out of time and was read again with a longer limit, tagged <c>outcome</c>: <c>read</c>
    /// (the retry read it) or <c>timed-out</c> (it timed out again; the screen took its fallback). See Safety/PatternPatience.
    /// </summary>
    public static readonly Counter<long> SafetyPatternRetries = Meter.CreateCounter<long>("reflectbot.safety.pattern_retries");

    /// <summary>A crisis reply given, tagged <c>risk.class</c> and <c>reply</c>.</summary>
    public static readonly Counter<long> CrisisReplies = Meter.CreateCounter<long>("reflectbot.safety.crisis_replies");

    /// <summary>Assignments the scheduler delivered or found missed, tagged <c>outcome</c>.</summary>
    public static readonly Counter<long> SchedulerDeliveries = Meter.CreateCounter<long>("reflectbot.scheduler.deliveries");

    /// <summary>This instance gained or lost the scheduler's leader lease, tagged <c>change</c>.</summary>
    public static readonly Counter<long> LeaderChanges = Meter.CreateCounter<long>("reflectbot.scheduler.leader_changes");

    /// <summary>Where a turn keeps the route that took it, for <see cref="TurnDuration"/>'s tags.</summary>
    public const string RouteKey = "ReflectBot.Telemetry.Route";
}
