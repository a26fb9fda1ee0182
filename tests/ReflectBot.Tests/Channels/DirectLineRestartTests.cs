using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Channels;

/// <summary>A host restart on the same data folder: the page's stored token still works, as the same person.</summary>
public sealed class DirectLineRestartTests
{
    [Fact]
    public async Task AfterARestartTheStoredTokenResumesTheConversationAsTheSameUserWithTheirJournal()
    {
        string dataPath;
        DirectLineSession before;
        string staleWatermark;
        using (var first = new LiveBotHost())
        using (var http = first.Http())
        {
            dataPath = first.DataPath;
            before = await DirectLineSession.StartAsync(http);
            await before.SayAsync("check in");
            await before.SayAsync("7");
            await before.SayAsync("calm, tired");
            await before.SayAsync("work was long");
            await before.SayAsync("yes");
            Assert.Contains("Saved to your journal", await before.BotTextAsync(), StringComparison.Ordinal);
            staleWatermark = (await before.ActivitiesAsync()).Watermark;
        }

        Assert.True(File.Exists(Path.Combine(dataPath, "keys", DirectLineSigningKey.KeyFileName)));

        using var second = new LiveBotHost(null, ("Storage:DataPath", dataPath));
        using var http2 = second.Http();
        var after = new DirectLineSession(http2, before.ConversationId, before.Token);

        // What the page does on load: refresh the stored token, then Web Chat reconnects by conversation id.
        var refresh = await after.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var grant = JObject.Parse(await refresh.Content.ReadAsStringAsync());
        Assert.Equal(before.ConversationId, (string)grant["conversationId"]!);
        after.Token = (string)grant["token"]!;
        Assert.Equal(before.UserId, after.UserId);

        var reconnect = await after.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{after.ConversationId}?watermark={staleWatermark}");
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(before.UserId, (string)DirectLineSession.Payload((string)JObject.Parse(await reconnect.Content.ReadAsStringAsync())["token"]!)["user"]!);

        // Starting it again is "already going": 200, and no second welcome.
        Assert.Equal(HttpStatusCode.OK, (await after.SendAsync(HttpMethod.Post, "v3/directline/conversations")).StatusCode);

        var id = await after.SayAsync("my journal");

        // The page still holds the watermark from before the restart; it must get what came since, not nothing.
        var (activities, _) = await after.ActivitiesAsync(staleWatermark);
        var echo = activities.First(a => (string?)a["id"] == id);
        Assert.Equal(before.UserId, (string)echo["from"]!["id"]!);
        var text = await after.BotTextAsync();
        Assert.Contains("mood 7/10", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("automated journaling companion"), text);
    }

    [Fact]
    public async Task ATokenFromAHostWithAnotherDataFolderIsStillRefusedAfterARestart()
    {
        string token;
        string conversationId;
        using (var elsewhere = new LiveBotHost())
        using (var http = elsewhere.Http())
        {
            var session = await DirectLineSession.StartAsync(http);
            (token, conversationId) = (session.Token, session.ConversationId);
        }

        using var host = new LiveBotHost();
        using var http2 = host.Http();
        var stranger = new DirectLineSession(http2, conversationId, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostActivityAsync("{\"type\":\"message\",\"text\":\"hi\"}")).StatusCode);
    }

    [Fact]
    public async Task HostsConfiguredWithOneSigningKeyAcceptEachOthersTokensAndWriteNoKeyFile()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var first = new LiveBotHost(null, ("DirectLine:SigningKey", key));
        using var http = first.Http();
        var session = await DirectLineSession.StartAsync(http);

        using var second = new LiveBotHost(null, ("DirectLine:SigningKey", key));
        using var http2 = second.Http();
        var elsewhere = new DirectLineSession(http2, session.ConversationId, session.Token);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh")).StatusCode);
        Assert.False(File.Exists(Path.Combine(first.DataPath, "keys", DirectLineSigningKey.KeyFileName)));
        Assert.False(File.Exists(Path.Combine(second.DataPath, "keys", DirectLineSigningKey.KeyFileName)));
    }
}
