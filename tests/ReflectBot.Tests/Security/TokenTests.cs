using System.Net;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Tests.Channels;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>The local web chat's tokens: one conversation each, an absolute lifetime, and none left working after "delete my data".</summary>
public sealed class TokenTests
{
    [Fact]
    public async Task ATokenForConversationAOnConversationBIsRefused()
    {
        using var host = new LiveBotHost();
        using var http = host.Http();
        var a = await DirectLineSession.StartAsync(http);
        var b = await DirectLineSession.StartAsync(http);
        var (bBefore, _) = await b.ActivitiesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetActivitiesAsync(conversationId: b.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostActivityAsync("{\"type\":\"message\",\"text\":\"my journal\"}", b.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{b.ConversationId}")).StatusCode);

        Assert.Equal(bBefore.Count, (await b.ActivitiesAsync()).Activities.Count);
    }

    [Fact]
    public async Task ARefreshedTokenStopsWorkingAtTheAbsoluteLifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var host = new LiveBotHost(time, ("DirectLine:TokenLifetime", "00:30:00"), ("DirectLine:TokenAbsoluteLifetime", "02:00:00"));
        using var http = host.Http();
        var session = await DirectLineSession.StartAsync(http);

        // Refreshed every 20 minutes, as the page does: each refresh works until the absolute end.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(2); elapsed += TimeSpan.FromMinutes(20))
        {
            time.Advance(TimeSpan.FromMinutes(20));
            var refresh = await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
            Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
            var grant = JObject.Parse(await refresh.Content.ReadAsStringAsync());
            session.Token = (string)grant["token"]!;
            Assert.True((int)grant["expires_in"]! <= (TimeSpan.FromHours(2) - elapsed).TotalSeconds);
        }

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetActivitiesAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.PostActivityAsync("{\"type\":\"message\",\"text\":\"hi\"}")).StatusCode);
    }

    [Fact]
    public async Task AfterDeleteMyDataNoTokenOfThatPersonWorksEvenAfterARestart()
    {
        string dataPath;
        DirectLineSession first;
        string older;
        using (var host = new LiveBotHost())
        using (var http = host.Http())
        {
            dataPath = host.DataPath;
            first = await DirectLineSession.StartAsync(http);
            older = first.Token;
            await first.SayAsync("check in");
            await first.SayAsync("6");
            var refresh = JObject.Parse(await (await first.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).Content.ReadAsStringAsync());
            first.Token = (string)refresh["token"]!;

            await first.SayAsync("delete my data");
            Assert.Equal(HttpStatusCode.OK, (await first.PostActivityAsync("{\"type\":\"message\",\"text\":\"yes, delete everything\"}")).StatusCode);

            foreach (var token in new[] { first.Token, older })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await first.GetActivitiesAsync(token: token)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await first.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: token)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await first.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{first.ConversationId}/activities", "{\"type\":\"message\",\"text\":\"my journal\"}", token)).StatusCode);
            }
        }

        using var restarted = new LiveBotHost(null, ("Storage:DataPath", dataPath));
        using var http2 = restarted.Http();
        var again = new DirectLineSession(http2, first.ConversationId, first.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetActivitiesAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetActivitiesAsync(token: older)).StatusCode);
    }
}
