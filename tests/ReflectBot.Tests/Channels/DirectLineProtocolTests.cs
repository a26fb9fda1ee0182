using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Hosting;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Channels;

/// <summary>The local Direct Line endpoint over real HTTP on Kestrel, as botframework-directlinejs uses it.</summary>
public sealed class DirectLineProtocolTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly LiveBotHost _host;
    private readonly HttpClient _http;

    public DirectLineProtocolTests()
    {
        _host = new LiveBotHost(_time);
        _http = _host.Http();
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task GeneratingATokenBindsItToANewConversationAndANewUser()
    {
        var first = await DirectLineSession.GenerateAsync(_http);
        var second = await DirectLineSession.GenerateAsync(_http);

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.UserId, second.UserId);
        Assert.Equal(first.ConversationId, (string)DirectLineSession.Payload(first.Token)["conv"]!);
        Assert.StartsWith("dl_", first.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAConversationAnswers201AndTheWelcomeIsWaiting()
    {
        var session = await DirectLineSession.GenerateAsync(_http);
        var start = await session.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var body = JObject.Parse(await start.Content.ReadAsStringAsync());
        Assert.Equal(session.ConversationId, (string)body["conversationId"]!);
        Assert.Equal(1800, (int)body["expires_in"]!);

        var welcome = await session.BotTextAsync();
        Assert.Contains("automated journaling companion", welcome, StringComparison.Ordinal);
        Assert.Contains("Daily check-in", welcome, StringComparison.Ordinal);

        var again = await session.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Regex.Matches(await session.BotTextAsync(), "automated journaling companion"));
    }

    [Fact]
    public async Task ReconnectingByConversationIdGivesAFreshTokenForTheSameConversation()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var response = await session.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}?watermark=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(session.ConversationId, (string)body["conversationId"]!);
        Assert.Equal(session.UserId, (string)DirectLineSession.Payload((string)body["token"]!)["user"]!);
    }

    [Fact]
    public async Task ACheckInOverDirectLineIsSavedUnderTheTokensUserNotThePostedOne()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var (_, mark) = await session.ActivitiesAsync();

        var id = await session.SayAsync("check in");
        var (activities, _) = await session.ActivitiesAsync(mark);
        var echo = activities.First(a => (string?)a["id"] == id);
        Assert.Equal(session.UserId, (string)echo["from"]!["id"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal("webchat", (string)echo["channelId"]!);

        // The bot's typing comes before its answer, so Web Chat shows it while the bot works.
        var types = activities.Select(a => (string)a["type"]!).ToList();
        Assert.True(types.IndexOf("typing") > types.IndexOf("message"), string.Join(",", types));
        Assert.Contains("0 to 10", (string)activities.Last()["text"]!, StringComparison.Ordinal);
        Assert.Equal(11, ((JArray)activities.Last()["suggestedActions"]!["actions"]!).Count);

        await session.SayAsync("7");
        await session.SayAsync("calm, tired");
        await session.SayAsync("work was long");
        await session.SayAsync("yes");
        Assert.Contains("Saved to your journal", await session.BotTextAsync(), StringComparison.Ordinal);

        var journal = _host.Services.GetRequiredService<IJournalStore>();
        var entry = Assert.Single(await journal.ListAsync(UserKeys.From("webchat", session.UserId)));
        Assert.Equal(7, entry.Mood);
        Assert.Empty(await journal.ListAsync(UserKeys.From("webchat", "someone-else")));
    }

    [Fact]
    public async Task AWatermarkReturnsOnlyWhatCameAfterIt()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var (all, mark) = await session.ActivitiesAsync();
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), mark);

        var (none, same) = await session.ActivitiesAsync(mark);
        Assert.Empty(none);
        Assert.Equal(mark, same);

        await session.SayAsync("help");
        var (after, next) = await session.ActivitiesAsync(mark);
        Assert.Equal("help", (string)after.First()["text"]!);
        Assert.True(int.Parse(next, System.Globalization.CultureInfo.InvariantCulture) == all.Count + after.Count);
        Assert.DoesNotContain(after, a => all.Any(b => (string?)b["id"] == (string?)a["id"]));

        var (everything, _) = await session.ActivitiesAsync();
        Assert.Equal(all.Count + after.Count, everything.Count);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task AWatermarkThisServiceDidNotGiveOutGets400(string watermark)
    {
        var session = await DirectLineSession.StartAsync(_http);
        var response = await session.GetActivitiesAsync(watermark);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"conversationUpdate\",\"membersAdded\":[{\"id\":\"x\"}]}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"nested\":true}}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a date\"}")]
    public async Task AMalformedPostGets400AndReachesNoOne(string body)
    {
        var session = await DirectLineSession.StartAsync(_http);
        var (_, mark) = await session.ActivitiesAsync();

        var response = await session.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (string)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["code"]!);
        Assert.Empty((await session.ActivitiesAsync(mark)).Activities);
    }

    [Fact]
    public async Task APostLargerThanTheLimitGets413()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var response = await session.PostActivityAsync(new JObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) }.ToString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AMissingTokenGets401Everywhere()
    {
        var session = await DirectLineSession.StartAsync(_http);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetActivitiesAsync(token: string.Empty)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/activities", "{\"type\":\"message\",\"text\":\"hi\"}", token: string.Empty)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, "v3/directline/conversations", token: string.Empty)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: string.Empty)).StatusCode);
    }

    [Fact]
    public async Task AForgedTokenGets401()
    {
        var victim = await DirectLineSession.StartAsync(_http);
        var attacker = await DirectLineSession.StartAsync(_http);

        // The attacker's own signed token with the payload swapped for one naming the victim's conversation.
        var parts = attacker.Token.Split('.');
        var payload = DirectLineSession.Payload(attacker.Token);
        payload["conv"] = victim.ConversationId;
        payload["user"] = victim.UserId;
        var forged = parts[0] + "." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.ToString(Newtonsoft.Json.Formatting.None))).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];

        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetActivitiesAsync(token: forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetActivitiesAsync(token: "not.a.token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetActivitiesAsync(token: parts[0] + "." + parts[1] + ".")).StatusCode);

        // A well-formed token signed by another host (another key) is just as forged.
        using var other = new LiveBotHost();
        using var otherHttp = other.Http();
        var foreign = await DirectLineSession.GenerateAsync(otherHttp);
        Assert.Equal(HttpStatusCode.OK, (await foreign.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new DirectLineSession(_http, foreign.ConversationId, foreign.Token).SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenGets401AndCannotBeRefreshed()
    {
        var session = await DirectLineSession.StartAsync(_http);
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await session.GetActivitiesAsync()).StatusCode);

        _time.Advance(TimeSpan.FromMinutes(1));
        var read = await session.GetActivitiesAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal("TokenExpired", (string)JObject.Parse(await read.Content.ReadAsStringAsync())["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
    }

    [Fact]
    public async Task RefreshingBeforeExpiryKeepsTheConversationGoing()
    {
        var session = await DirectLineSession.StartAsync(_http);
        _time.Advance(TimeSpan.FromMinutes(20));
        var response = await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(session.ConversationId, (string)grant["conversationId"]!);

        session.Token = (string)grant["token"]!;
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await session.GetActivitiesAsync()).StatusCode);
    }

    [Fact]
    public async Task ATokenForOneConversationCannotReadOrPostToAnother()
    {
        var a = await DirectLineSession.StartAsync(_http);
        var b = await DirectLineSession.StartAsync(_http);
        var (_, mark) = await b.ActivitiesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetActivitiesAsync(conversationId: b.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostActivityAsync("{\"type\":\"message\",\"text\":\"hello\"}", b.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{b.ConversationId}")).StatusCode);
        Assert.Empty((await b.ActivitiesAsync(mark)).Activities);
    }

    [Fact]
    public async Task TheConnectorRoutesAreNoOpenRelay()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var (_, mark) = await session.ActivitiesAsync();
        var reply = "{\"type\":\"message\",\"text\":\"injected\"}";
        var path = $"v3/conversations/{session.ConversationId}/activities";
        var tokens = _host.Services.GetRequiredService<DirectLineTokens>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, path, reply, token: string.Empty)).StatusCode);

        // The page's own token is not a connector token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, path, reply)).StatusCode);

        // A connector token is good for its own conversation only, and only for conversations created here.
        var other = await DirectLineSession.StartAsync(_http);
        var forOther = tokens.Issue(other.ConversationId, "reflectbot", DateTimeOffset.UtcNow, DirectLineTokens.ConnectorAudience)!;
        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(HttpMethod.Post, path, reply, token: forOther)).StatusCode);
        var forUnknown = tokens.Issue("made-up", "reflectbot", DateTimeOffset.UtcNow, DirectLineTokens.ConnectorAudience)!;
        Assert.Equal(HttpStatusCode.NotFound, (await session.SendAsync(HttpMethod.Post, "v3/conversations/made-up/activities", reply, token: forUnknown)).StatusCode);

        Assert.Empty((await session.ActivitiesAsync(mark)).Activities);
    }

    [Fact]
    public async Task AProactiveMessageFromTheBotReachesThePage()
    {
        var session = await DirectLineSession.StartAsync(_http);
        var (_, mark) = await session.ActivitiesAsync();
        var reference = new ConversationReference
        {
            ChannelId = "webchat",
            ServiceUrl = _host.BaseAddress.AbsoluteUri,
            Conversation = new ConversationAccount(id: session.ConversationId),
            Bot = DirectLineBridge.BotAccount(),
            User = new ChannelAccount(session.UserId),
        };

        var adapter = _host.Services.GetRequiredService<ReflectBotAdapter>();
        await adapter.ContinueConversationAsync(
            new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType),
            reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("Time for your Thursday reflection."), ct),
            CancellationToken.None);

        Assert.Contains("Time for your Thursday reflection.", await session.BotTextAsync(mark), StringComparison.Ordinal);
    }
}
