using System.Globalization;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Clinic;

/// <summary>
/// The summary's words in order, once, for the card, the Markdown and the PDF alike, so the notes say exactly
/// what the card said. Dates are in the clinician's time zone.
/// </summary>
public static class SummaryLines
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).ToString("d MMM yyyy", English);

    public static string When(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).ToString("ddd d MMM yyyy HH:mm", English);

    public static IReadOnlyList<SummaryLine> Of(SessionSummary summary, TimeZoneInfo zone, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(strings);
        var client = ("client", (object?)summary.ClientName);
        var lines = new List<SummaryLine>
        {
            new(SummaryLineKind.Title, strings.Text(SessionStrings.SummaryTitle, client)),
            new(SummaryLineKind.Text, strings.Text(SessionStrings.SummaryPeriod, ("from", Date(summary.FromUtc, zone)), ("to", Date(summary.ToUtc, zone)))),
        };
        if (summary.NextSessionUtc is { } next)
        {
            lines.Add(new(SummaryLineKind.Text, strings.Text(SessionStrings.SummaryNext, ("when", When(next, zone)))));
        }

        lines.Add(new(SummaryLineKind.Text, summary.Completion is { } done
            ? strings.Text(SessionStrings.Completion, ("done", done.DoneThisWeek), ("missed", done.MissedThisWeek))
            : strings.Text(SessionStrings.CompletionNotShared, client)));

        lines.Add(new(SummaryLineKind.Text, summary.Mood switch
        {
            null => strings.Text(SessionStrings.MoodNotShared, client),
            { Count: 0 } => strings[SessionStrings.MoodNone],
            var mood => strings.Text(SessionStrings.Mood, ("count", mood.Count), ("latest", mood[^1].Mood)),
        }));
        if (summary.Mood is { Count: > 0 } points)
        {
            lines.Add(new(SummaryLineKind.Chart, strings.Text(
                SessionStrings.ChartAlt,
                client,
                ("count", points.Count),
                ("from", Date(points[0].AtUtc, zone)),
                ("to", Date(points[^1].AtUtc, zone)),
                ("latest", points[^1].Mood))));
        }

        lines.Add(new(SummaryLineKind.Text, summary.SafetyChecks switch
        {
            null => strings.Text(SessionStrings.SafetyNotShared, client),
            1 => strings[SessionStrings.SafetyOne],
            var n => strings.Text(SessionStrings.SafetyMany, ("count", n)),
        }));

        lines.Add(new(SummaryLineKind.Heading, strings[SessionStrings.MeasuresHeading]));
        if (summary.Scores is null)
        {
            lines.Add(new(SummaryLineKind.Text, strings.Text(SessionStrings.MeasuresNotShared, client)));
        }
        else if (summary.Scores.Count == 0)
        {
            lines.Add(new(SummaryLineKind.Text, strings[SessionStrings.MeasuresNone]));
        }
        else
        {
            foreach (var score in summary.Scores)
            {
                lines.Add(new(SummaryLineKind.Text, strings.Text(
                    SessionStrings.MeasureLine,
                    ("measure", score.Title),
                    ("date", Date(score.Score.CreatedUtc, zone)),
                    ("score", score.Score.Score),
                    ("max", score.Score.Max),
                    ("band", score.Score.Band))));
                lines.AddRange(score.Items.Select(i => new SummaryLine(SummaryLineKind.Answer, i.Question, i.Answer)));
            }

            if (summary.Scores.Any(s => s.Items.Count == 0))
            {
                lines.Add(new(SummaryLineKind.Text, strings[SessionStrings.MeasureItemsNotShared]));
            }
        }

        lines.Add(new(SummaryLineKind.Heading, strings[SessionStrings.EntriesHeading]));
        if (summary.Entries is null)
        {
            lines.Add(new(SummaryLineKind.Text, strings.Text(SessionStrings.EntriesNotShared, client)));
        }
        else if (summary.Entries.Count == 0)
        {
            lines.Add(new(SummaryLineKind.Text, strings[SessionStrings.EntriesNone]));
        }
        else
        {
            foreach (var entry in summary.Entries)
            {
                lines.Add(new(SummaryLineKind.Text, strings.Text(SessionStrings.EntryHeading, ("title", entry.Title), ("date", Date(entry.CreatedUtc, zone)))));
                lines.AddRange(entry.Answers.Select(a => new SummaryLine(SummaryLineKind.Answer, a.Question, a.Answer)));
            }
        }

        lines.Add(new(SummaryLineKind.Heading, strings[SessionStrings.FlagsHeading]));
        if (summary.Flags.Count == 0)
        {
            lines.Add(new(SummaryLineKind.Text, strings[SessionStrings.FlagsNone]));
        }

        foreach (var flag in summary.Flags)
        {
            var date = ("date", (object?)Date(flag.CreatedUtc, zone));
            lines.Add(new(SummaryLineKind.Text, flag.Text.Length > 0
                ? strings.Text(SessionStrings.FlagText, date, ("text", flag.Text))
                : strings.Text(SessionStrings.FlagEntry, date, ("title", flag.EntryTitle ?? string.Empty))));
        }

        return lines;
    }

    public static TimeZoneInfo Zone(string? timeZoneId) => TimeZones.Find(timeZoneId);
}
