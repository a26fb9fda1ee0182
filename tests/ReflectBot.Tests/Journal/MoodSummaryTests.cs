using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Journal;

/// <summary>The mood summary is one whole sentence of journal.yaml per case (no trend, or which trend), said as before it was content.</summary>
public sealed class MoodSummaryTests
{
    private static readonly StringCatalog Strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;

    [Theory]
    [InlineData(new int[0], "No mood scores in the last 30 days yet. A daily check-in (\"check in\") adds one.")]
    [InlineData(new[] { 6 }, "Your mood over the last 30 days: 1 score, average 6.0 out of 10 (lowest 6, highest 6).")]
    [InlineData(new[] { 4, 7, 5 }, "Your mood over the last 30 days: 3 scores, average 5.3 out of 10 (lowest 4, highest 7).")]
    [InlineData(new[] { 2, 3, 6, 7 }, "Your mood over the last 30 days: 4 scores, average 4.5 out of 10 (lowest 2, highest 7), trending up.")]
    [InlineData(new[] { 8, 7, 4, 3 }, "Your mood over the last 30 days: 4 scores, average 5.5 out of 10 (lowest 3, highest 8), trending down.")]
    [InlineData(new[] { 5, 6, 6, 5 }, "Your mood over the last 30 days: 4 scores, average 5.5 out of 10 (lowest 5, highest 6), fairly steady.")]
    public void TheSummaryIsTheWholeSentenceForItsCase(int[] moods, string expected)
    {
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var points = moods.Select((m, i) => (start.AddDays(i), m)).ToList();
        Assert.Equal(expected, MoodChart.Summary(points, Strings));
    }
}
