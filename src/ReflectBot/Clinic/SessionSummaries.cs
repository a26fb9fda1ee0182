using ReflectBot.Content;
using ReflectBot.Journal;

namespace ReflectBot.Clinic;

/// <summary>
/// Builds the pre-session summary of one client for one clinician, every part through <see cref="ClinicianReads"/>
/// (so each is authorized when read), over the time since the last session the clinician set, or since the
/// link began, within the mood window.
/// </summary>
public sealed class SessionSummaries(ClinicianReads reads, JourneyCatalog journeys, MeasureCatalog measures, TimeProvider time)
{
    /// <summary>The clinician's linked client with this display name (case-insensitive), or null.</summary>
    public async Task<ClientLink?> FindClientAsync(string clinicianId, string name, CancellationToken cancellationToken = default)
    {
        var clients = await reads.ClientsAsync(clinicianId, cancellationToken).ConfigureAwait(false);
        return clients.FirstOrDefault(c => string.Equals(c.ClientName.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The summary, or null when this clinician is not (or no longer) linked to the client.</summary>
    public async Task<SessionSummary?> BuildAsync(string clinicianId, string clientId, CancellationToken cancellationToken = default)
    {
        var link = await reads.AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false);
        var session = await reads.SessionAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false);
        if (link is null || session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var from = session.LastUtc is { } last && last > link.LinkedUtc ? last : link.LinkedUtc;
        var completion = await reads.CompletionBetweenAsync(clinicianId, clientId, from, now, cancellationToken).ConfigureAwait(false);
        var mood = (await reads.MoodAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false))?.Where(p => p.AtUtc >= from).ToList();
        var shared = (await reads.SharedEntriesAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false))?.Where(e => e.CreatedUtc >= from).OrderBy(e => e.CreatedUtc).ToList();
        var scores = (await reads.ScoresAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false))?
            .Where(s => s.CreatedUtc >= from)
            .OrderBy(s => s.CreatedUtc)
            .Select(s => ToScore(s, shared?.FirstOrDefault(e => e.Id == s.EntryId), link.Consent.Allows(ConsentScope.MeasureAnswers)))
            .ToList();
        var safety = await reads.SafetyCountSinceAsync(clinicianId, clientId, from, cancellationToken).ConfigureAwait(false);
        var flags = (await reads.FlagsAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false) ?? []).Where(f => f.CreatedUtc >= from).ToList();
        return new SessionSummary(
            link.ClientName,
            link.ClinicianName,
            from,
            now,
            session.NextUtc,
            completion,
            mood,
            scores,
            safety,
            shared?.Where(e => !measures.All.Any(m => m.Id == e.JourneyId)).Select(ToEntry).ToList(),
            flags);
    }

    private SummaryEntry ToEntry(JournalEntry entry)
        => new(entry.JourneyTitle, entry.CreatedUtc, [.. entry.Answers.Select(a => (JournalFormat.Question(journeys, entry, a.Key), a.Value))]);

    /// <summary>
    /// Item answers (and the difficulty question's) from a measure entry the client shared, or from the score record
    /// when the client shares each questionnaire answer with this clinician; the score alone otherwise.
    /// </summary>
    private SummaryScore ToScore(MeasureScore score, JournalEntry? sharedEntry, bool answersShared)
    {
        var measure = measures.Find(score.MeasureId);
        List<(string, string)> items = [];
        if (measure is not null && sharedEntry is not null)
        {
            items = [.. measure.Items.Where(i => sharedEntry.Answers.ContainsKey(i.Id)).Select(i => (i.Text, sharedEntry.Answers[i.Id]))];
            if (measure.Difficulty is { } difficulty && sharedEntry.Answers.GetValueOrDefault(MeasureDialog.DifficultyKey) is { } said)
            {
                items.Add((difficulty.Text, said));
            }
        }
        else if (measure is not null && answersShared && score.Items is { } points)
        {
            items = [.. measure.Items.Where(i => points.ContainsKey(i.Id)).Select(i => (i.Text, measure.Options.FirstOrDefault(o => o.Value == points[i.Id])?.Label ?? string.Empty))];
            if (measure.Difficulty is { } difficulty && score.Difficulty is { } said)
            {
                items.Add((difficulty.Text, said));
            }
        }

        return new SummaryScore(score, measure?.Title ?? score.MeasureId.ToUpperInvariant(), items);
    }
}
