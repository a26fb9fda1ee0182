using System.Globalization;
using System.Text;
using ReflectBot.Content;

namespace ReflectBot.Journal;

/// <summary>How entries read: one line in a list, a whole entry, the Markdown export.</summary>
public static class JournalFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone);

    public static string When(DateTimeOffset utc, TimeZoneInfo zone)
        => Local(utc, zone).ToString("ddd d MMM yyyy, HH:mm", English);

    public static string Line(int number, JournalEntry entry, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var mood = entry.Mood is { } m ? $" · mood {m}/10" : string.Empty;
        return $"{number}. {When(entry.CreatedUtc, zone)} · {entry.JourneyTitle}{mood}";
    }

    /// <summary>The question a step asked, from the journey as it is now; the step id when the journey has changed.</summary>
    public static string Question(JourneyCatalog? catalog, JournalEntry entry, string stepId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var step = catalog?.Find(entry.JourneyId)?.Steps.FirstOrDefault(s => s.Id == stepId);
        return step?.Prompt.FirstOrDefault() ?? stepId;
    }

    public static string Entry(JournalEntry entry, TimeZoneInfo zone, JourneyCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        text.Append("**").Append(entry.JourneyTitle).Append("**, ").Append(When(entry.CreatedUtc, zone));
        if (entry.Mood is { } mood)
        {
            text.Append("\nMood: ").Append(mood).Append("/10");
        }

        foreach (var (stepId, answer) in entry.Answers)
        {
            text.Append("\n\n*").Append(Question(catalog, entry, stepId)).Append("*\n").Append(answer);
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<JournalEntry> entries, TimeZoneInfo zone, DateTimeOffset exportedUtc, JourneyCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        var text = new StringBuilder();
        text.Append("# My journal\n\nExported from ReflectBot on ").Append(When(exportedUtc, zone)).Append(" (").Append(zone.Id).Append("). ")
            .Append(entries.Count).Append(entries.Count == 1 ? " entry." : " entries.").Append('\n');
        foreach (var entry in entries.OrderBy(e => e.CreatedUtc))
        {
            text.Append("\n## ").Append(entry.JourneyTitle).Append(" — ").Append(When(entry.CreatedUtc, zone)).Append('\n');
            if (entry.Mood is { } mood)
            {
                text.Append("\nMood: ").Append(mood).Append("/10\n");
            }

            if (entry.Tags.Count > 0)
            {
                text.Append("\nTags: ").Append(string.Join(", ", entry.Tags)).Append('\n');
            }

            foreach (var (stepId, answer) in entry.Answers)
            {
                text.Append("\n**").Append(Question(catalog, entry, stepId)).Append("**\n\n").Append(answer).Append('\n');
            }
        }

        return text.ToString();
    }
}
