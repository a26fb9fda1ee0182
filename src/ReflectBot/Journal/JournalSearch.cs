using System.Text.RegularExpressions;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Journal;

/// <summary>Finding entries: by a date range the user wrote ("last week"), or by words ("abandonment").</summary>
public static partial class JournalSearch
{
    /// <summary>The UTC range a phrase names in the user's zone ("last week", "yesterday", "in March"), or null.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Range(string phrase, TimeZoneInfo zone, DateTimeOffset utcNow)
    {
        // A journal looks back: of several readings ("Monday": last or next), take one that has begun.
        var readings = DateTimePrompt.Recognize(phrase, zone, utcNow);
        foreach (var reading in readings.OrderBy(r => r.ToDateTimeOffset() <= utcNow ? 0 : 1))
        {
            var start = reading.ToDateTimeOffset();
            if (start is null)
            {
                continue;
            }

            switch (reading.Type)
            {
                case "daterange":
                case "datetimerange":
                    if (reading.EndToDateTimeOffset() is { } end)
                    {
                        return (start.Value, end);
                    }

                    break;
                case "date":
                    return (start.Value, start.Value.AddDays(1));
                case "datetime":
                    return (start.Value, utcNow);
            }
        }

        return null;
    }

    /// <summary>Whether every word of the query appears in the entry, allowing other endings ("abandon" finds "abandoned").</summary>
    public static bool Matches(JournalEntry entry, string query)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stems = Words(query).Select(Stem).Where(s => s.Length > 0).ToList();
        if (stems.Count == 0)
        {
            return false;
        }

        var words = Words(string.Join(' ', entry.Answers.Values.Append(entry.JourneyTitle).Concat(entry.Tags))).ToList();
        return stems.All(stem => words.Any(w => w.StartsWith(stem, StringComparison.Ordinal) || Stem(w) == stem));
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ments", "ment", "ness", "ings", "ing", "edly", "ed", "ful", "ly", "es", "s" })
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
