using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;

namespace ReflectBot.Journal;

/// <summary>
/// A week looked back on: the mood chart, how many reflections, the cards read, the feelings the person named
/// most often in their own words, and a question to close the week. Counts only what is there: no streaks, and
/// a quiet week is said kindly. Built from entries already read, so the journal is unsealed only when asked.
/// </summary>
public static partial class WeekLookBack
{
    public const int Days = 7;
    public const int MostNamed = 3;

    // The steps whose answer is the person's word for a feeling (daily check-in, inner self, thought record).
    private static readonly string[] FeelingSteps = ["feelings", "feeling-now"];

    public static IMessageActivity Build(IReadOnlyList<JournalEntry> entries, TimeZoneInfo zone, DateTimeOffset utcNow, CardCatalog cards, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(strings);
        var week = entries.Where(e => e.CreatedUtc > utcNow.AddDays(-Days) && e.CreatedUtc <= utcNow).OrderBy(e => e.CreatedUtc).ToList();
        var localNow = JournalFormat.Local(utcNow, zone);
        var from = localNow.AddDays(-(Days - 1));
        var lines = new List<string>
        {
            strings.Text(JournalStrings.WeekHeading, ("from", from.ToString("d MMM", CultureInfo.InvariantCulture)), ("to", localNow.ToString("d MMM", CultureInfo.InvariantCulture))),
            week.Count switch
            {
                0 => strings[JournalStrings.WeekNoReflections],
                1 => strings[JournalStrings.WeekOneReflection],
                _ => strings.Text(JournalStrings.WeekReflections, ("count", week.Count)),
            },
        };

        var moods = week.Where(e => e.Mood is not null).Select(e => (Local: JournalFormat.Local(e.CreatedUtc, zone), Mood: e.Mood!.Value)).ToList();
        if (moods.Count == 1)
        {
            lines.Add(strings.Text(JournalStrings.WeekOneMood, ("mood", moods[0].Mood)));
        }
        else if (moods.Count > 1)
        {
            lines.Add(strings.Text(JournalStrings.WeekMoods, ("count", moods.Count), ("lowest", moods.Min(m => m.Mood)), ("highest", moods.Max(m => m.Mood)), ("average", moods.Average(m => m.Mood).ToString("0.0", CultureInfo.InvariantCulture))));
        }

        var feelings = MostNamedFeelings(week);
        if (feelings.Count > 0)
        {
            lines.Add(strings.Text(JournalStrings.WeekFeelings, ("feelings", string.Join(", ", feelings.Select(f => $"\"{f}\"")))));
        }

        var titles = week.SelectMany(e => e.Cards).Distinct(StringComparer.Ordinal).Select(id => cards.Find(id)?.Title).OfType<string>().ToList();
        if (titles.Count > 0)
        {
            lines.Add(strings.Text(JournalStrings.WeekCards, ("cards", string.Join(", ", titles))));
        }

        lines.Add(strings[JournalStrings.WeekQuestion]);
        var text = string.Join("\n\n", lines);
        var reply = MessageFactory.Text(text, ssml: text);
        if (moods.Count > 0)
        {
            var alt = moods.Count == 1
                ? strings.Text(JournalStrings.WeekChartAltOne, ("mood", moods[0].Mood))
                : strings.Text(JournalStrings.WeekChartAlt, ("count", moods.Count), ("lowest", moods.Min(m => m.Mood)), ("highest", moods.Max(m => m.Mood)));
            var png = MoodChart.Png([.. moods.Select(m => (m.Local, m.Mood))], from.Date, localNow.Date.AddDays(1), strings[JournalStrings.WeekChartTitle], strings[JournalStrings.ChartAxis]);
            reply.Attachments =
            [
                new HeroCard
                {
                    Title = strings[JournalStrings.WeekChartTitle],
                    Images = [new CardImage($"data:image/png;base64,{Convert.ToBase64String(png)}", alt)],
                }.ToAttachment(),
            ];
        }

        return reply;
    }

    /// <summary>The person's own words for a feeling, most named first (ties: first named first), at most three.</summary>
    public static IReadOnlyList<string> MostNamedFeelings(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var words = entries
            .SelectMany(e => FeelingSteps.Select(s => e.Answers.GetValueOrDefault(s)).OfType<string>())
            .SelectMany(a => Separators().Split(a))
            .Select(w => w.Trim(' ', '.', '!', '?', '"').ToLowerInvariant())
            .Where(w => w.Length is > 1 and <= 30 && w != "skip")
            .ToList();
        return [.. words.Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => words.Count(x => x == w))
            .ThenBy(w => words.IndexOf(w))
            .Take(MostNamed)];
    }

    [GeneratedRegex(@",|;|/|\band\b|\bbut\b|\n", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
