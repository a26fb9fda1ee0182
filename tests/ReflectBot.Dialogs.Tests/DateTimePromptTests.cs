using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class DateTimePromptTests
{
    private const string Question = "When shall I check in with you?";
    private const string LosAngeles = "America/Los_Angeles";
    private const string Tokyo = "Asia/Tokyo";

    // Monday 16 March 2026, 03:00 on the server's UTC clock: still Sunday evening (20:00, UTC-7) in
    // Los Angeles, already Monday noon (UTC+9) in Tokyo.
    private static readonly DateTimeOffset ServerNow = new(2026, 3, 16, 3, 0, 0, TimeSpan.Zero);

    private static AskOnce AskWhen() => new(
        new DateTimePrompt("when", Wording.English, timeProvider: new FakeTimeProvider(ServerNow)),
        new PromptOptions { Prompt = Question },
        result => ((IReadOnlyList<DateTimeResolution>)result!)[0].ToDateTimeOffset() is { } at
            ? $"At {at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}"
            : "No moment");

    private static Activity Said(string text, string timeZone)
        => new(ActivityTypes.Message) { Text = text, LocalTimezone = timeZone };

    [Theory]
    [InlineData(LosAngeles, "At 2026-03-16 20:00 -07:00")]
    [InlineData(Tokyo, "At 2026-03-17 20:00 +09:00")]
    public Task TomorrowAtEightPmIsTomorrowWhereTheUserIs(string timeZone, string expected)
        => TestBot.Flow(AskWhen())
            .Send("hi").AssertReply(Question)
            .Send(Said("tomorrow at 8pm", timeZone)).AssertReply(expected)
            .StartTestAsync();

    [Theory]
    [InlineData(LosAngeles, "At 2026-03-16 16:00 -07:00")]
    [InlineData(Tokyo, "At 2026-03-23 16:00 +09:00")]
    public Task NextMondayEveningIsReadFromTheUsersOwnDay(string timeZone, string expected)
        => TestBot.Flow(AskWhen())
            .Send("hi").AssertReply(Question)
            .Send(Said("next Monday evening", timeZone)).AssertReply(expected)
            .StartTestAsync();

    [Fact]
    public Task TimeZoneInTurnStateWinsOverTheActivitys()
        => TestBot.Flow(AskWhen(), beforeTurn: turn => turn.TurnState.Add(TimeZoneInfo.FindSystemTimeZoneById(Tokyo)))
            .Send("hi").AssertReply(Question)
            .Send(Said("tomorrow at 8pm", LosAngeles)).AssertReply("At 2026-03-17 20:00 +09:00")
            .StartTestAsync();

    [Fact]
    public Task WithoutATimeZoneDatesAreReadInUtc()
        => TestBot.Flow(AskWhen())
            .Send("hi").AssertReply(Question)
            .Send("tomorrow at 8pm").AssertReply("At 2026-03-17 20:00 +00:00")
            .StartTestAsync();

    [Fact]
    public Task DateTimeAsksAgainWhenThereIsNoDate()
        => TestBot.Flow(AskWhen())
            .Send("hi").AssertReply(Question)
            .Send(Said("whenever", Tokyo)).AssertReply(retry => Assert.Contains("tomorrow at 8pm", retry.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(Said("tomorrow at 8pm", Tokyo)).AssertReply("At 2026-03-17 20:00 +09:00")
            .StartTestAsync();
}
