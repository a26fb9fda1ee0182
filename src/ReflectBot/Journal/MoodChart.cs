using System.Globalization;
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

    public static string Summary(IReadOnlyList<(DateTimeOffset Local, int Mood)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return $"No mood scores in the last {Days} days yet. A daily check-in (\"check in\") adds one.";
        }

        var moods = points.Select(p => p.Mood).ToList();
        var average = moods.Average().ToString("0.0", CultureInfo.InvariantCulture);
        var trend = string.Empty;
        if (moods.Count >= 4)
        {
            var half = moods.Count / 2;
            var change = moods.Skip(moods.Count - half).Average() - moods.Take(half).Average();
            trend = change switch
            {
                >= 0.75 => ", trending up",
                <= -0.75 => ", trending down",
                _ => ", fairly steady",
            };
        }

        var count = moods.Count == 1 ? "1 score" : $"{moods.Count} scores";
        return $"Your mood over the last {Days} days: {count}, average {average} out of 10 (lowest {moods.Min()}, highest {moods.Max()}){trend}.";
    }

    public static byte[] Png(IReadOnlyList<(DateTimeOffset Local, int Mood)> points, DateTimeOffset localNow)
        => Png(points, localNow.AddDays(-Days), localNow.AddDays(1), $"Mood, last {Days} days");

    /// <summary>Mood points (0–10) between <paramref name="from"/> and <paramref name="to"/>, as a PNG.</summary>
    public static byte[] Png(IReadOnlyList<(DateTimeOffset At, int Mood)> points, DateTimeOffset from, DateTimeOffset to, string title)
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
        plot.YLabel("mood (0-10)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
