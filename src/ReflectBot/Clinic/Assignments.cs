using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReflectBot.Clinic;

/// <summary>Assignments and the status of their occurrences: creating, cancelling, listing, completing, marking missed.</summary>
public sealed class Assignments(ClinicStore store, TimeProvider time, IOptions<ClinicOptions> options)
{
    /// <summary>How early before it is due a completion still counts for an occurrence.</summary>
    public static readonly TimeSpan EarlyCredit = TimeSpan.FromHours(12);

    private readonly ClinicOptions _options = options.Value;

    public async Task<Assignment> CreateAsync(Assignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        assignment.Id = NewId();
        assignment.CreatedUtc = time.GetUtcNow();
        await store.WriteAsync(ClinicKeys.Assignment(assignment.ClientId, assignment.Id), assignment, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return assignment;
    }

    public Task<Assignment?> FindAsync(string clientId, string assignmentId, CancellationToken cancellationToken = default)
        => store.GetAsync<Assignment>(ClinicKeys.Assignment(clientId, assignmentId), cancellationToken);

    /// <summary>The client's assignments that are still running, oldest first.</summary>
    public async Task<IReadOnlyList<Assignment>> ActiveOfClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var all = await store.ListValuesAsync<Assignment>(ClinicKeys.AssignmentsOf(clientId), cancellationToken).ConfigureAwait(false);
        return [.. all.Where(a => !a.Cancelled && a.Recurrence.Next(now - _options.MissedAfter) is not null).OrderBy(a => a.CreatedUtc)];
    }

    /// <summary>Cancels an assignment the clinician made; false when it is not theirs or not there.</summary>
    public async Task<bool> CancelAsync(string clinicianId, string clientId, string assignmentId, CancellationToken cancellationToken = default)
    {
        var cancelled = false;
        await store.UpdateAsync<Assignment>(ClinicKeys.Assignment(clientId, assignmentId), current =>
        {
            if (current is null || current.ClinicianId != clinicianId || current.Cancelled)
            {
                return null;
            }

            current.Cancelled = true;
            cancelled = true;
            return current;
        }, cancellationToken).ConfigureAwait(false);
        return cancelled;
    }

    public Task<Versioned<OccurrenceRecord>?> OccurrenceAsync(string assignmentId, DateTimeOffset dueUtc, CancellationToken cancellationToken = default)
        => store.ReadAsync<OccurrenceRecord>(ClinicKeys.Occurrence(assignmentId, dueUtc), cancellationToken);

    /// <summary>
    /// Credits a completion to the assignment: the latest occurrence due by now (or within
    /// <see cref="EarlyCredit"/> ahead) that is still open. Returns the occurrence credited, or null.
    /// </summary>
    public async Task<DateTimeOffset?> CompleteAsync(string clientId, string assignmentId, CancellationToken cancellationToken = default)
    {
        var assignment = await FindAsync(clientId, assignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null || assignment.Cancelled)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var candidates = assignment.Recurrence.Between(now - _options.MissedAfter, now + EarlyCredit).Reverse();
        foreach (var due in candidates)
        {
            var done = false;
            await store.UpdateAsync<OccurrenceRecord>(ClinicKeys.Occurrence(assignmentId, due), current =>
            {
                if (current is { IsFinal: true })
                {
                    return null;
                }

                var next = current ?? new OccurrenceRecord { AssignmentId = assignmentId, DueUtc = due };
                next.State = OccurrenceState.Done;
                next.DoneUtc = now;
                done = true;
                return next;
            }, cancellationToken).ConfigureAwait(false);
            if (done)
            {
                return due;
            }
        }

        return null;
    }

    /// <summary>Marks an occurrence missed unless it was done; used by the scheduler once the grace period has passed.</summary>
    public async Task<bool> MarkMissedAsync(string assignmentId, DateTimeOffset dueUtc, CancellationToken cancellationToken = default)
    {
        var marked = false;
        await store.UpdateAsync<OccurrenceRecord>(ClinicKeys.Occurrence(assignmentId, dueUtc), current =>
        {
            if (current is { IsFinal: true })
            {
                return null;
            }

            var next = current ?? new OccurrenceRecord { AssignmentId = assignmentId, DueUtc = dueUtc };
            next.State = OccurrenceState.Missed;
            marked = true;
            return next;
        }, cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <summary>How many occurrences of the assignments were done and missed with a due time in [from, to).</summary>
    public async Task<(int Done, int Missed)> TallyAsync(IEnumerable<Assignment> assignments, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        int done = 0, missed = 0;
        foreach (var assignment in assignments)
        {
            foreach (var due in assignment.Recurrence.Between(from, to))
            {
                var record = await store.GetAsync<OccurrenceRecord>(ClinicKeys.Occurrence(assignment.Id, due), cancellationToken).ConfigureAwait(false);
                done += record?.State == OccurrenceState.Done ? 1 : 0;
                missed += record?.State == OccurrenceState.Missed ? 1 : 0;
            }
        }

        return (done, missed);
    }

    /// <summary>Every assignment of every client, for the scheduler.</summary>
    public Task<List<Assignment>> AllAsync(CancellationToken cancellationToken = default)
        => store.ListValuesAsync<Assignment>(ClinicKeys.AllAssignments, cancellationToken);

    /// <summary>All of the client's assignments, cancelled ones included.</summary>
    public Task<List<Assignment>> OfClientAsync(string clientId, CancellationToken cancellationToken = default)
        => store.ListValuesAsync<Assignment>(ClinicKeys.AssignmentsOf(clientId), cancellationToken);

    private static string NewId() => new(RandomNumberGenerator.GetItems<char>(JoinCodes.Alphabet.ToLowerInvariant(), 8));
}
