using System.Globalization;
using ReflectBot.Content;
using ScottPlot;

namespace ReflectBot.Journal;

/// <summary>
/// Mood charts: the user's own last 30 days (a PNG and a one-line summary for channels that show no
/// images), and the same drawing for any window (the clinician's view of a client).
/// </summary>
public static class MoodChart
{
    public const int Days = 30;
    public const int Width = 640;
    public const int Height = 320;

    public static IReadOnlyList<(DateTimeOffset Local, int Mood)> Points(IEnumerable<JournalEntry> entries, TimeZoneInfo zone, DateTimeOffset utcNow)
        => [.. entries
            .Where(e => e.Mood is not null && e.CreatedUtc > utcNow.AddDays(-Days) && e.CreatedUtc <= utcNow)
            .OrderBy(e => e.CreatedUtc)
            .Select(e => (JournalFormat.Local(e.CreatedUtc, zone), e.Mood!.Value))];

    public static string Summary(IReadOnlyList<(DateTimeOffset Local, int Mood)> points, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(strings);
        if (points.Count == 0)
        {
            return strings.Text(JournalStrings.MoodNone, ("days", Days));
        }

        var moods = points.Select(p => p.Mood).ToList();
        var average = moods.Average().ToString("0.0", CultureInfo.InvariantCulture);
        var key = JournalStrings.MoodScores;
        if (moods.Count == 1)
        {
            key = JournalStrings.MoodOneScore;
        }
        else if (moods.Count >= 4)
        {
            var half = moods.Count / 2;
            var change = moods.Skip(moods.Count - half).Average() - moods.Take(half).Average();
            key = change switch
            {
                >= 0.75 => JournalStrings.MoodScoresUp,
                <= -0.75 => JournalStrings.MoodScoresDown,
                _ => JournalStrings.MoodScoresSteady,
            };
        }

        return strings.Text(key, ("days", Days), ("count", moods.Count), ("average", average), ("lowest", moods.Min()), ("highest", moods.Max()));
    }

    public static byte[] Png(IReadOnlyList<(DateTimeOffset Local, int Mood)> points, DateTimeOffset localNow, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return Png(points, localNow.AddDays(-Days), localNow.AddDays(1), strings.Text(JournalStrings.ChartTitle, ("days", Days)), strings[JournalStrings.ChartAxis]);
    }

    /// <summary>Mood points (0–10) between <paramref name="from"/> and <paramref name="to"/>, as a PNG.</summary>
    public static byte[] Png(IReadOnlyList<(DateTimeOffset At, int Mood)> points, DateTimeOffset from, DateTimeOffset to, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var plot = new Plot();
        var xs = points.Select(p => p.At.DateTime.ToOADate()).ToArray();
        var ys = points.Select(p => (double)p.Mood).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimits(from.DateTime.ToOADate(), to.DateTime.ToOADate(), 0, 10);
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
