using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The host through real HTTP: POST /api/messages on the real CloudAdapter.</summary>
public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ACheckInCompletesOverHttpAndIsSaved()
    {
        var bot = _host.Client();

        var hello = BotClient.Read(await bot.SayAsync("hi"));
        Assert.Contains("automated", hello, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0 to 10", hello, StringComparison.Ordinal);

        Assert.Contains("feeling", BotClient.Read(await bot.SayAsync("7")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("?", BotClient.Read(await bot.SayAsync("calm, tired")), StringComparison.Ordinal);
        var savePrompt = await bot.SayAsync("work was long");
        Assert.Contains("save", BotClient.Read(savePrompt), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Yes", "No"], savePrompt.Last().SuggestedActions.Actions.Select(a => a.Title));
        Assert.Contains("Saved", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);

        var journal = _host.Services.GetRequiredService<IJournalStore>();
        var entry = Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Equal("daily-check-in", entry.JourneyId);
        Assert.Equal(7, entry.Mood);
        Assert.Equal("calm, tired", entry.Answers["feelings"]);
        Assert.Equal("work was long", entry.Answers["on-mind"]);
    }

    [Fact]
    public async Task HealthAnswersOk()
    {
        var response = await _host.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    public async Task AMalformedBodyGetsA400ClassAnswer(string body)
    {
        var response = await _host.Client().PostAsync(body);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task ABodyThatIsNoActivityIsRefusedWithA400ThatSaysSo()
    {
        var response = await _host.Client().PostAsync("[1,2,3]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a Bot Framework activity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActivityNestedDeeperThanTheChecksReadIsRefusedWhileTheSameActivityShallowIsAnswered()
    {
        // The body is parsed once, by the endpoint, at most 64 deep. Before, such a body skipped the endpoint's
        // checks (its parse gave up) and CloudAdapter's reader, which has no depth limit, ran the turn anyway.
        var bot = _host.Client();
        var activity = bot.Message("hi");
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(activity);
        var body = json[..^1] + ",\"channelData\":" + deep + "}";

        var shallow = json[..^1] + ",\"channelData\":{\"a\":1}}";

        var refused = await bot.PostAsync(body);
        var answered = await bot.PostAsync(shallow);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a Bot Framework activity", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("automated", await answered.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AOneMegabyteMessageGetsAPoliteRefusalNotAnError()
    {
        var bot = _host.Client();
        var replies = await bot.SayAsync(new string('a', 1024 * 1024));
        var text = BotClient.Read(replies);
        Assert.Contains("longer than I can take", text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheRequestLimitIsRefusedWith413()
    {
        var response = await _host.Client().PostAsync(new string(' ', 5 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task AnEmptyMessageGetsAGentleNudge(string? text)
    {
        var replies = await _host.Client().SayAsync(text);
        Assert.Contains("didn't catch any words", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("😊😊😊")]
    [InlineData("\u202Eolleh\u202C")]
    [InlineData("e\u0301\u0301\u0301\u200B\u200D")]
    [InlineData("\uD83D")]
    [InlineData("ｈｅｌｌｏ　ｗｏｒｌｄ")]
    public async Task UnusualTextGetsAnAnswerNotAnError(string text)
    {
        var replies = await _host.Client().SayAsync(text);
        var read = BotClient.Read(replies);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain("went wrong", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusualTextMidJourneyIsAnsweredByTheJourney()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var retry = BotClient.Read(await bot.SayAsync("😊😊"));
        Assert.Contains("whole number from 0 to 10", retry, StringComparison.Ordinal);
        Assert.Contains("feeling", BotClient.Read(await bot.SayAsync("6")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task AnActivityTypeTheBotDoesNotHandleIsAcceptedQuietly(string type)
    {
        var bot = _host.Client();
        var activity = bot.Message(null);
        activity.Type = type;
        var replies = await bot.SendAsync(activity);
        Assert.DoesNotContain("went wrong", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectRepliesReturnsTheRepliesInTheBody()
    {
        var bot = _host.Client();
        var response = await bot.PostAsync(Newtonsoft.Json.JsonConvert.SerializeObject(bot.Message("menu")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"activities\"", body, StringComparison.Ordinal);
        Assert.Contains("Daily check-in", body, StringComparison.Ordinal);
    }
}
