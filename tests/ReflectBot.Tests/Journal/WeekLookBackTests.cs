using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journal;

/// <summary>"my week" over HTTP: reflections counted, the feelings named most often in the person's own words, cards read, the week's mood chart with its alt text, a closing question; no streaks.</summary>
public sealed class WeekLookBackTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task MyWeekGivesBackTheFeelingsNamedMostOftenTheCountTheCardsAndTheChart()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "4", "tired, anxious", "work", "yes");
        await bot.SayAllAsync("check in", "6", "anxious and hopeful", "a walk", "yes");
        await bot.SayAllAsync("free write", "I felt so lonely after the call with my sister, like nobody gets it.", "a bit lighter", "yes");

        var reply = Assert.Single(await bot.SayAsync("my week"));
        var text = reply.Text;
        Assert.Contains("You saved 3 reflections this week.", text, StringComparison.Ordinal);
        Assert.Contains("between 4 and 6 out of 10 (5.0 on average)", text, StringComparison.Ordinal);
        Assert.Contains("The feelings you named most often: \"anxious\", \"tired\", \"hopeful\".", text, StringComparison.Ordinal);
        var cards = text.Split("\n\n").Single(l => l.StartsWith("Cards you read: ", StringComparison.Ordinal));
        Assert.Contains("The fear of rejection and abandonment", cards, StringComparison.Ordinal);
        Assert.EndsWith("what would you be glad to set down?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("streak", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(text, reply.Speak);

        var card = (JObject)Assert.Single(reply.Attachments).Content;
        var image = card["images"]![0]!;
        Assert.StartsWith("data:image/png;base64,", image.Value<string>("url"), StringComparison.Ordinal);
        Assert.Equal("A chart of your mood this week, 2 scores between 4 and 6 out of 10.", image.Value<string>("alt"));
    }

    [Fact]
    public async Task AQuietWeekIsSaidKindlyWithNoChartAndNoCountOfGaps()
    {
        var reply = Assert.Single(await _host.Client().SayAsync("how was my week?"));
        Assert.Contains("No reflections saved this week, and that's okay.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments ?? []);
        Assert.DoesNotContain("days", reply.Text.Replace("these days", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheLastSevenDaysAreLookedBackOn()
    {
        var now = new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);
        JournalEntry Entry(int daysAgo, string feeling) => new() { CreatedUtc = now.AddDays(-daysAgo), Answers = new() { ["feelings"] = feeling } };
        var feelings = WeekLookBack.MostNamedFeelings(new[] { Entry(1, "calm"), Entry(8, "angry"), Entry(8, "angry") }.Where(e => e.CreatedUtc > now.AddDays(-WeekLookBack.Days)));
        Assert.Equal(["calm"], feelings);
    }
}
