using ScottPlot;

namespace ReflectBot.Clinic;

/// <summary>The mood trend as a PNG: one marker per score, joined by a line, on a date axis.</summary>
public static class MoodChart
{
    public const int Width = 640;
    public const int Height = 320;

    public static byte[] Render(IReadOnlyList<MoodPoint> points, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var plot = new Plot();
        if (points.Count > 0)
        {
            var xs = points.Select(p => p.AtUtc.UtcDateTime.ToOADate()).ToArray();
            var ys = points.Select(p => (double)p.Mood).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.MarkerSize = 8;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimits(fromUtc.UtcDateTime.ToOADate(), toUtc.UtcDateTime.ToOADate(), -0.5, 10.5);
        plot.Title("Mood (0-10)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
