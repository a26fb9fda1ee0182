using System.Globalization;
using ScottPlot;

namespace ReflectBot.Journal;

/// <summary>The user's mood over the last 30 days: a PNG chart and a one-line summary for channels that show no images.</summary>
public static class MoodChart
{
    public const int Days = 30;

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
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new Plot();
        var xs = points.Select(p => p.Local.DateTime.ToOADate()).ToArray();
        var ys = points.Select(p => (double)p.Mood).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimits(localNow.DateTime.AddDays(-Days).ToOADate(), localNow.DateTime.AddDays(1).ToOADate(), 0, 10);
        plot.Title($"Mood, last {Days} days");
        plot.YLabel("mood (0-10)");
        return plot.GetImageBytes(640, 320, ImageFormat.Png);
    }
}
