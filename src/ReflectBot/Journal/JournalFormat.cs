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

    public static string Line(int number, JournalEntry entry, TimeZoneInfo zone, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(strings);
        var when = When(entry.CreatedUtc, zone);
        return entry.Mood is { } mood
            ? strings.Text(JournalStrings.ListLineWithMood, ("number", number), ("when", when), ("title", entry.JourneyTitle), ("mood", mood))
            : strings.Text(JournalStrings.ListLine, ("number", number), ("when", when), ("title", entry.JourneyTitle));
    }

    /// <summary>
    /// The question a step asked: as it was worded when asked, else from the journey as it is now; the step
    /// id only when neither is known (an old entry of a journey that has since changed).
    /// </summary>
    public static string Question(JourneyCatalog? catalog, JournalEntry entry, string stepId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Questions?.GetValueOrDefault(stepId) is { Length: > 0 } asked)
        {
            return asked;
        }

        var step = catalog?.Find(entry.JourneyId)?.Steps.FirstOrDefault(s => s.Id == stepId);
        return step?.Prompt.FirstOrDefault() ?? stepId;
    }

    public static string Entry(JournalEntry entry, TimeZoneInfo zone, JourneyCatalog? catalog, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(strings);
        var text = new StringBuilder();
        text.Append(strings.Text(JournalStrings.EntryHeading, ("title", entry.JourneyTitle), ("when", When(entry.CreatedUtc, zone))));
        if (entry.Mood is { } mood)
        {
            text.Append('\n').Append(strings.Text(JournalStrings.EntryMood, ("mood", mood)));
        }

        foreach (var (stepId, answer) in entry.Answers)
        {
            text.Append("\n\n*").Append(Question(catalog, entry, stepId)).Append("*\n").Append(answer);
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<JournalEntry> entries, TimeZoneInfo zone, DateTimeOffset exportedUtc, JourneyCatalog? catalog, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(strings);
        var when = When(exportedUtc, zone);
        var intro = entries.Count == 1
            ? strings.Text(JournalStrings.FileIntroOne, ("when", when), ("zone", zone.Id))
            : strings.Text(JournalStrings.FileIntro, ("when", when), ("zone", zone.Id), ("count", entries.Count));
        var text = new StringBuilder();
        text.Append("# ").Append(strings[JournalStrings.FileTitle]).Append("\n\n").Append(intro).Append('\n');
        foreach (var entry in entries.OrderBy(e => e.CreatedUtc))
        {
            text.Append("\n## ").Append(entry.JourneyTitle).Append(" — ").Append(When(entry.CreatedUtc, zone)).Append('\n');
            if (entry.Mood is { } mood)
            {
                text.Append('\n').Append(strings.Text(JournalStrings.EntryMood, ("mood", mood))).Append('\n');
            }

            if (entry.Tags.Count > 0)
            {
                text.Append('\n').Append(strings.Text(JournalStrings.FileTags, ("tags", string.Join(", ", entry.Tags)))).Append('\n');
            }

            foreach (var (stepId, answer) in entry.Answers)
            {
                text.Append("\n**").Append(Question(catalog, entry, stepId)).Append("**\n\n").Append(answer).Append('\n');
            }
        }

        return text.ToString();
    }
}
