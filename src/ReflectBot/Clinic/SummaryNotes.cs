using ReflectBot.Content;
using ReflectBot.Journal;

namespace ReflectBot.Clinic;

/// <summary>The summary rendered for a clinician: as a card in chat, and as PDF or Markdown notes.</summary>
public sealed class SummaryNotes(SessionSummaries summaries, StringCatalog strings, TimeProvider time)
{
    public const string Pdf = "summary-pdf";
    public const string Markdown = "summary-md";

    /// <summary>The card, or null when this clinician may not see the client.</summary>
    public async Task<(Microsoft.Bot.Schema.Attachment Card, string ClientName)?> CardAsync(string clinicianId, string clientId, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (await summaries.BuildAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false) is not { } summary)
        {
            return null;
        }

        var json = SummaryCard.Json(summary, SummaryLines.Of(summary, zone, strings), Chart(summary), strings, zone);
        return (SummaryCard.Attachment(json), summary.ClientName);
    }

    /// <summary>The notes file (content type, name, bytes), or null when this clinician may not see the client.</summary>
    public async Task<(string ContentType, string FileName, byte[] Content)?> FileAsync(string clinicianId, string clientId, string format, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (await summaries.BuildAsync(clinicianId, clientId, cancellationToken).ConfigureAwait(false) is not { } summary)
        {
            return null;
        }

        var lines = SummaryLines.Of(summary, zone, strings);
        var intro = strings.Text(SessionStrings.NotesIntro, ("when", SummaryLines.When(time.GetUtcNow(), zone)), ("client", summary.ClientName));
        var name = $"notes-{TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone):yyyy-MM-dd}";
        return format == Pdf
            ? ("application/pdf", name + ".pdf", SummaryPdf.Render(lines, intro, Chart(summary), strings.Text(SessionStrings.SummaryTitle, ("client", summary.ClientName))))
            : ("text/markdown; charset=utf-8", name + ".md", System.Text.Encoding.UTF8.GetBytes(SummaryMarkdown.Render(lines, intro)));
    }

    private byte[]? Chart(SessionSummary summary)
        => summary.Mood is { Count: > 0 } mood
            ? MoodChart.Png([.. mood.Select(p => (p.AtUtc, p.Mood))], summary.FromUtc, summary.ToUtc, strings[ClinicStrings.MoodChartLabel], strings[JournalStrings.ChartAxis])
            : null;
}
