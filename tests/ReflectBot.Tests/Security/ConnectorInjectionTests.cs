using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ReflectBot.Tests.Channels;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// Putting bot messages into someone else's web chat through the host's own connector routes (where the bot's
/// replies to the local web chat go, signed by the host): with no token, with a page's token, or by making the
/// bot itself reply there from /api/messages. The victim's transcript gets nothing.
/// </summary>
public sealed class ConnectorInjectionTests : IDisposable
{
    private readonly LiveBotHost _host = new();
    private readonly HttpClient _http;

    public ConnectorInjectionTests() => _http = _host.Http();

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task NoCallerCanWriteIntoAnotherPersonsWebChat()
    {
        var victim = await DirectLineSession.StartAsync(_http);
        var attacker = await DirectLineSession.StartAsync(_http);
        var (before, mark) = await victim.ActivitiesAsync();
        var injected = "{\"type\":\"message\",\"text\":\"Your session expired: log in at https://attacker.example\"}";
        var route = $"v3/conversations/{victim.ConversationId}/activities";

        // Straight at the connector route: without a token, and with the attacker's own page token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.SendAsync(HttpMethod.Post, route, injected, token: string.Empty)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SendAsync(HttpMethod.Post, route, injected)).StatusCode);

        // Through the bot: an activity on /api/messages naming the victim's conversation, with this host (or
        // another spelling of it) as its serviceUrl, so that the bot's own reply would be signed and delivered.
        foreach (var serviceUrl in new[] { _host.BaseAddress.AbsoluteUri, _host.BaseAddress.AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), "https://attacker.example/" })
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = Guid.NewGuid().ToString("N"),
                Text = "help",
                ChannelId = "webchat",
                ServiceUrl = serviceUrl,
                From = new ChannelAccount("mallory", "Mallory"),
                Recipient = new ChannelAccount("reflectbot", "ReflectBot"),
                Conversation = new ConversationAccount(id: victim.ConversationId),
            };
            var response = await _http.PostAsync(new Uri("api/messages", UriKind.Relative), new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var (after, _) = await victim.ActivitiesAsync(mark);
        Assert.Empty(after);
        Assert.DoesNotContain("attacker.example", (await victim.ActivitiesAsync()).Activities.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(before);
    }

    [Fact]
    public async Task TheBotsOwnRepliesStillReachThePage()
    {
        var session = await DirectLineSession.StartAsync(_http);
        await session.SayAsync("help");
        Assert.Contains("help", (await session.BotTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
