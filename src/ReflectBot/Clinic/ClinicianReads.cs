using Microsoft.Extensions.Options;
using ReflectBot.Journal;

namespace ReflectBot.Clinic;

/// <summary>
/// Every read a clinician makes of a client's data goes through here, and each one is authorized at the
/// moment of reading: the client's link to this clinician must exist (it is deleted on "disconnect") and
/// its consent must include the scope the data belongs to. A read that is not authorized returns null.
/// Entries are only ever those the client marked as shared.
/// </summary>
public sealed class ClinicianReads(
    ClinicStore store,
    ClinicLinks links,
    Assignments assignments,
    IJournalStore journal,
    ISafetyEventCounter safety,
    TimeProvider time,
    IOptions<ClinicOptions> options)
{
    private readonly ClinicOptions _options = options.Value;

    /// <summary>The link that grants the read, or null: not linked, disconnected, or the scope not consented.</summary>
    public async Task<ClientLink?> AuthorizeAsync(string clinicianId, string clientId, ConsentScope? scope, CancellationToken cancellationToken = default)
    {
        var link = await links.FindAsync(clientId, clinicianId, cancellationToken).ConfigureAwait(false);
        return link is null || link.ClinicianId != clinicianId || (scope is { } needed && !link.Consent.Allows(needed)) ? null : link;
    }

    /// <summary>The clinician's linked clients, oldest link first; each confirmed by its link record, not by the roster alone.</summary>
    public async Task<IReadOnlyList<ClientLink>> ClientsAsync(string clinicianId, CancellationToken cancellationToken = default)
    {
        var result = new List<ClientLink>();
        await foreach (var key in store.ListAsync(ClinicKeys.RosterOf(clinicianId), cancellationToken).ConfigureAwait(false))
        {
            var clientId = ClinicKeys.Unsegment(ClinicKeys.Last(key));
            if (await AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false) is { } link)
            {
                result.Add(link);
            }
        }

        return [.. result.OrderBy(l => l.LinkedUtc)];
    }

    /// <summary>This clinician's own assignments for a linked client (what they set up is theirs to see).</summary>
    public async Task<IReadOnlyList<Assignment>?> AssignmentsAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var all = await assignments.OfClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(a => a.ClinicianId == clinicianId && !a.Cancelled).OrderBy(a => a.CreatedUtc)];
    }

    /// <summary>Done and missed this week (since Monday, client's local time) and the last check-in date. Scope: completion.</summary>
    public async Task<CompletionSummary?> CompletionAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Completion, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var mine = (await assignments.OfClientAsync(clientId, cancellationToken).ConfigureAwait(false)).Where(a => a.ClinicianId == clinicianId).ToList();
        var zone = mine.FirstOrDefault()?.Recurrence.TimeZoneId ?? "UTC";
        var weekStart = WeekStart(now, zone);
        var (done, missed) = await assignments.TallyAsync(mine, weekStart, now.AddTicks(1), cancellationToken).ConfigureAwait(false);
        var entries = await journal.ListAsync(clientId, cancellationToken).ConfigureAwait(false);
        return new CompletionSummary(done, missed, entries.Count > 0 ? entries[0].CreatedUtc : null);
    }

    /// <summary>Mood scores over the chart window, oldest first. Scope: mood.</summary>
    public async Task<IReadOnlyList<MoodPoint>?> MoodAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Mood, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var since = time.GetUtcNow().AddDays(-_options.MoodWindowDays);
        var entries = await journal.ListAsync(clientId, cancellationToken).ConfigureAwait(false);
        return [.. entries.Where(e => e.Mood is not null && e.CreatedUtc >= since).OrderBy(e => e.CreatedUtc).Select(e => new MoodPoint(e.CreatedUtc, e.Mood!.Value))];
    }

    /// <summary>Measure scores over the chart window, newest first. Scope: mood.</summary>
    public async Task<IReadOnlyList<MeasureScore>?> ScoresAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Mood, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var since = time.GetUtcNow().AddDays(-_options.MoodWindowDays);
        var scores = await store.ListValuesAsync<MeasureScore>(ClinicKeys.ScoresOf(clientId), cancellationToken).ConfigureAwait(false);
        return [.. scores.Where(s => s.CreatedUtc >= since).OrderByDescending(s => s.CreatedUtc)];
    }

    /// <summary>
    /// Every score of one questionnaire with its item answers, oldest first: item-level history. Scope: each
    /// questionnaire answer (which needs mood and scores too).
    /// </summary>
    public async Task<IReadOnlyList<MeasureScore>?> MeasureAnswersAsync(string clinicianId, string clientId, string measureId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.MeasureAnswers, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var scores = await store.ListValuesAsync<MeasureScore>(ClinicKeys.ScoresOf(clientId), cancellationToken).ConfigureAwait(false);
        return [.. scores.Where(s => s.MeasureId == measureId && s.Items is not null).OrderBy(s => s.CreatedUtc)];
    }

    /// <summary>How many times safety support was shown over the chart window: a count, never content. Scope: mood.</summary>
    public async Task<int?> SafetyCountAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Mood, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await safety.CountAsync(clientId, time.GetUtcNow().AddDays(-_options.MoodWindowDays), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many times safety support was shown since a moment: a count, never content. Scope: mood.</summary>
    public async Task<int?> SafetyCountSinceAsync(string clinicianId, string clientId, DateTimeOffset sinceUtc, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Mood, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await safety.CountAsync(clientId, sinceUtc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the client asked to bring to a session with this clinician, oldest first: the client addressed it to
    /// them, so it needs the link, not a scope. Null when not linked.
    /// </summary>
    public async Task<IReadOnlyList<SessionFlag>?> FlagsAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var flags = await store.ListValuesAsync<SessionFlag>(ClinicKeys.FlagsOf(clientId), cancellationToken).ConfigureAwait(false);
        return [.. flags.Where(f => f.ClinicianIds.Contains(clinicianId, StringComparer.Ordinal)).OrderBy(f => f.CreatedUtc)];
    }

    /// <summary>The session dates this clinician set for a linked client (theirs to see); null when not linked.</summary>
    public async Task<SessionDate?> SessionAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await store.GetAsync<SessionDate>(ClinicKeys.Session(clientId, clinicianId), cancellationToken).ConfigureAwait(false) ?? new SessionDate();
    }

    /// <summary>Done and missed between two moments. Scope: completion.</summary>
    public async Task<CompletionSummary?> CompletionBetweenAsync(string clinicianId, string clientId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.Completion, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var mine = (await assignments.OfClientAsync(clientId, cancellationToken).ConfigureAwait(false)).Where(a => a.ClinicianId == clinicianId).ToList();
        var (done, missed) = await assignments.TallyAsync(mine, fromUtc, toUtc.AddTicks(1), cancellationToken).ConfigureAwait(false);
        var entries = await journal.ListAsync(clientId, cancellationToken).ConfigureAwait(false);
        return new CompletionSummary(done, missed, entries.Count > 0 ? entries[0].CreatedUtc : null);
    }

    /// <summary>The entries the client shared with this clinician, newest first. Scope: shared entries.</summary>
    public async Task<IReadOnlyList<JournalEntry>?> SharedEntriesAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeAsync(clinicianId, clientId, ConsentScope.SharedEntries, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return null;
        }

        // Only what was shared over this clinician's own link.
        var shared = await links.SharedOverAsync(link, cancellationToken).ConfigureAwait(false);
        if (shared.Count == 0)
        {
            return [];
        }

        var entries = await journal.ListAsync(clientId, cancellationToken).ConfigureAwait(false);
        return [.. entries.Where(e => e.UserId == clientId && shared.Contains(e.Id))];
    }

    /// <summary>Monday 00:00 of the current week in the zone, as UTC.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset utcNow, string timeZoneId)
    {
        var zone = ReflectBot.Dialogs.Prompts.TimeZones.Find(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(utcNow, zone).DateTime.Date;
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return Recurrence.ToUtc(monday, zone);
    }
}
