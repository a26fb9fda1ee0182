using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Channels;
using ReflectBot.Content;
using ReflectBot.Kernel;
using ReflectBot.Storage;
using ReflectBot.Storage.Leases;

namespace ReflectBot.Clinic;

/// <summary>
/// Brings due assignments to clients, exactly once per occurrence across instances:
/// <list type="number">
/// <item>one leader at a time runs a round (<see cref="ILeaderLease"/>);</item>
/// <item>each occurrence is claimed by a create-only write of its record before sending, so even two
/// rounds that overlap (a lease lost mid-round) cannot both send it;</item>
/// <item>after sending, the claim is confirmed as Sent under its ETag.</item>
/// </list>
/// Guarantee for a crash between sending and confirming: <b>at least once, at most twice</b>. A claim
/// left unconfirmed for <see cref="SchedulerOptions.ClaimTimeout"/> is sent once more (the first send may
/// or may not have gone out); a second unconfirmed claim is never sent again.
/// </summary>
public sealed class AssignmentDelivery(
    ClinicStore store,
    Assignments assignments,
    ClinicLinks links,
    ClientRecords clients,
    IReminderPreferences reminders,
    ConversationReferences references,
    ProactiveMessenger messenger,
    ILeaderLease lease,
    TimeProvider time,
    IOptions<ClinicOptions> options,
    StringCatalog strings,
    IEnumerable<IDueDelivery> otherDue,
    ILogger<AssignmentDelivery> logger)
{
    public const string LeaseName = "clinic-scheduler";
    public const int MaxAttempts = 2;

    private readonly ClinicOptions _options = options.Value;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];

    /// <summary>One round, if this instance can lead: deliver what is due, mark what was missed.</summary>
    // Whether this instance held the lease at its last round: a change is a leader change (telemetry).
    private bool _leader;

    public async Task<DeliveryRound> RunRoundAsync(CancellationToken cancellationToken = default)
    {
        var held = await lease.TryAcquireAsync(LeaseName, cancellationToken).ConfigureAwait(false);
        if (_leader != (held is not null))
        {
            _leader = held is not null;
            ReflectBotTelemetry.LeaderChanges.Add(1, new KeyValuePair<string, object?>("change", _leader ? "gained" : "lost"));
        }

        if (held is null)
        {
            return new DeliveryRound(false, 0, 0);
        }

        await using (held.ConfigureAwait(false))
        {
            var round = await DeliverDueAsync(cancellationToken).ConfigureAwait(false);
            ReflectBotTelemetry.SchedulerDeliveries.Add(round.Sent, new KeyValuePair<string, object?>("outcome", "sent"));
            ReflectBotTelemetry.SchedulerDeliveries.Add(round.Missed, new KeyValuePair<string, object?>("outcome", "missed"));
            return round;
        }
    }

    /// <summary>The round's work without the lease; the delivery marks alone keep each occurrence to one send.</summary>
    public async Task<DeliveryRound> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        int sent = 0, missed = 0;
        foreach (var assignment in await assignments.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (assignment.Cancelled)
            {
                continue;
            }

            var window = assignment.Recurrence.Between(now - _options.MissedAfter - _options.Lookback, now.AddTicks(1)).ToList();
            foreach (var due in window.Where(d => d <= now - _options.MissedAfter))
            {
                missed += await assignments.MarkMissedAsync(assignment.Id, due, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            // Only the latest open occurrence is delivered: a client who was away gets one prompt, not a pile.
            var open = window.Where(d => d > now - _options.MissedAfter).Select(d => (DateTimeOffset?)d).LastOrDefault();
            if (open is { } due2 && await TrySendAsync(assignment, due2, now, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        foreach (var due in otherDue)
        {
            sent += await due.DeliverDueAsync(now, cancellationToken).ConfigureAwait(false);
        }

        if (sent + missed > 0)
        {
            ClinicLog.Round(logger, sent, missed);
        }

        return new DeliveryRound(true, sent, missed);
    }

    private async Task<bool> TrySendAsync(Assignment assignment, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = ClinicKeys.Occurrence(assignment.Id, due);
        var existing = await store.ReadAsync<OccurrenceRecord>(key, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var record = existing.Value;
            var retryable = record.State == OccurrenceState.Failed
                || (record.State == OccurrenceState.Claimed && record.ClaimedUtc < now - _options.Scheduler.ClaimTimeout);
            if (!retryable || record.Attempts >= MaxAttempts)
            {
                return false;
            }
        }

        // Checked before claiming, so an occurrence held back (quiet hours, paused, no conversation yet)
        // stays unclaimed and can go out later, or be shown when the client next writes.
        var client = await clients.FindAsync(assignment.ClientId, cancellationToken).ConfigureAwait(false);
        var zone = client?.TimeZone ?? assignment.Recurrence.TimeZoneId;
        if (QuietHours.Contains(now, zone, Parse(_options.QuietHoursStart), Parse(_options.QuietHoursEnd))
            || await reminders.ArePausedAsync(assignment.ClientId, cancellationToken).ConfigureAwait(false)
            || await links.FindAsync(assignment.ClientId, assignment.ClinicianId, cancellationToken).ConfigureAwait(false) is null
            || await references.GetAsync(assignment.ClientId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var attempt = (existing?.Value.Attempts ?? 0) + 1;
        if (existing is not null)
        {
            ClinicLog.ReclaimingStale(logger, assignment.Id);
        }

        var claim = new OccurrenceRecord { AssignmentId = assignment.Id, DueUtc = due, State = OccurrenceState.Claimed, Attempts = attempt, ClaimedUtc = now, By = _instance };
        string etag;
        try
        {
            etag = await store.WriteAsync(key, claim, ifMatch: existing?.ETag, createOnly: existing is null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ETagConflictException)
        {
            // Another instance claimed it first.
            return false;
        }

        try
        {
            // The reference was there a moment ago; if it went since (the app was uninstalled), this is a failed attempt.
            if (!await messenger.SendAsync(assignment.ClientId, DeliveryCard.Build(assignment, strings), cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The client's conversation reference is gone.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ClinicLog.DeliveryFailed(logger, assignment.Id, ex.GetType().Name, attempt);
            claim.State = OccurrenceState.Failed;
            await store.TryReplaceAsync(key, claim, etag, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await ConfirmAsync(assignment.Id, due, claim, etag, now, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task ConfirmAsync(string assignmentId, DateTimeOffset due, OccurrenceRecord claim, string etag, DateTimeOffset now, CancellationToken cancellationToken)
        => Confirm(store, assignmentId, due, claim, etag, now, cancellationToken);

    /// <summary>Marks a claimed occurrence Sent under the claim's ETag.</summary>
    internal static async Task Confirm(ClinicStore store, string assignmentId, DateTimeOffset due, OccurrenceRecord claim, string etag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        claim.State = OccurrenceState.Sent;
        claim.SentUtc = now;

        // A conflict means the client already completed it in between: their Done stands.
        await store.TryReplaceAsync(ClinicKeys.Occurrence(assignmentId, due), claim, etag, cancellationToken).ConfigureAwait(false);
    }

    private static TimeOnly Parse(string text) => ClinicOptionsValidator.TryParseTime(text, out var t) ? t : TimeOnly.MinValue;
}
