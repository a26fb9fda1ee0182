using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>
/// A journey answer that says someone is not safe brings the crisis reply (issue 16), also when the choice is typed as
/// its number (which the safety screen cannot read); the journey then goes on to its own support step.
/// </summary>
public sealed class JourneySupportTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("fears", "I flinched when he raised his voice", "being attacked", "his tone", "it feels older than him")]
    [InlineData("moment of closeness", "he shouted when I asked for a hug", "being attacked")]
    public async Task NotSafeWithThemTypedAsItsNumberBringsTheAbuseLinesThenTheSupportStep(params string[] path)
    {
        var bot = _host.Client();
        await bot.SayAllAsync(["region US", .. path]);
        var replies = BotClient.Read(await bot.SayAsync("4"));
        Assert.Contains("National Domestic Violence Hotline", replies, StringComparison.Ordinal);
        Assert.Contains("Are you safe right now?", replies, StringComparison.Ordinal);
        Assert.Contains("never your fault", replies, StringComparison.Ordinal);
        Assert.True(replies.IndexOf("National Domestic Violence Hotline", StringComparison.Ordinal) < replies.IndexOf("never your fault", StringComparison.Ordinal), "the lines first, then the journey's own step");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public async Task OtherAnswersToTheCheckBringNoCrisisReply(string answer)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("region US", "fears", "I flinched when he raised his voice", "being attacked", "his tone", "it feels older than him");
        var replies = BotClient.Read(await bot.SayAsync(answer));
        Assert.DoesNotContain("National Domestic Violence Hotline", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("Are you safe right now?", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImNotSafeAtAVeryLowMoodTypedAsItsNumberBringsTheEmergencyNumberFirstThenTheNextHourQuestion()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("region US", "check in", "0");
        var replies = BotClient.Read(await bot.SayAsync("2"));
        Assert.Contains("Please call 911 now", replies, StringComparison.Ordinal);
        Assert.Contains("next hour", replies, StringComparison.Ordinal);
        Assert.True(replies.IndexOf("Please call 911 now", StringComparison.Ordinal) < replies.IndexOf("next hour", StringComparison.Ordinal));
    }
}
