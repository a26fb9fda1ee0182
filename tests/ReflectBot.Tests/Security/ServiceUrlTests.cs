using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Channels;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// A serviceUrl chosen by the caller is the address the scheduler would later post to with the bot's
/// credentials. Only a vouched-for one is kept: with no app id, loopback or the configured public address;
/// with an app id, the one in the channel's validated token.
/// </summary>
public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://10.0.0.4:8080/")]
    [InlineData("https://reflectbot.example.org.attacker.example/")]
    [InlineData("file:///etc/")]
    [InlineData("")]
    public async Task AForeignServiceUrlFromAnAnonymousCallerIsRefusedNeverStoredNorUsedLater(string serviceUrl)
    {
        // Bot Builder posts a reply to the serviceUrl an activity names; with no app id nobody vouches for it,
        // so an address off this machine would make the bot send requests wherever a caller chose.
        using var host = new BotHost(null, ("Journal:PublicBaseUrl", "https://reflectbot.example.org"));
        var mallory = host.Client(userId: "mallory", conversationId: "conv-m");
        var activity = mallory.Message("hi");
        activity.ServiceUrl = serviceUrl;
        activity.DeliveryMode = null;
        var response = await mallory.PostAsync(JsonConvert.SerializeObject(activity));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var key = UserKeys.From("webchat", "mallory");
        Assert.Null(await host.Services.GetRequiredService<ConversationReferences>().GetAsync(key));
        Assert.False(await host.Services.GetRequiredService<ProactiveMessenger>().SendAsync(key, MessageFactory.Text("a reminder")));
    }

    [Theory]
    [InlineData("http://localhost:3979/")]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("https://reflectbot.example.org/")]
    public async Task ALoopbackOrThePublicAddressIsStoredForAnAnonymousCaller(string serviceUrl)
    {
        using var host = new BotHost(null, ("Journal:PublicBaseUrl", "https://reflectbot.example.org"));
        var local = host.Client(userId: "local-user", conversationId: "conv-l");
        var activity = local.Message("hi");
        activity.ServiceUrl = serviceUrl;
        await local.SendAsync(activity);

        var stored = await host.Services.GetRequiredService<ConversationReferences>().GetAsync(UserKeys.From("webchat", "local-user"));
        Assert.Equal(serviceUrl, stored!.ServiceUrl);
    }

    [Fact]
    public async Task WithAnAppIdTheServiceUrlIsTheOneTheChannelsTokenNamesAndNoOther()
    {
        var standIn = BotFrameworkStandIn.Shared;
        var appId = Guid.NewGuid().ToString();
        using var host = new BotHost(null, [.. standIn.HostSettings(appId)]);
        var bot = host.Client(userId: "teams-user", conversationId: "conv-t");

        // A token for one serviceUrl, an activity naming another: CloudAdapter refuses it outright.
        var activity = bot.Message("hi");
        activity.ServiceUrl = "https://attacker.example/";
        var refused = await bot.PostAsync(JsonConvert.SerializeObject(activity), token: standIn.ChannelToken(appId, "https://smba.trafficmanager.net/emea/"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The token's own serviceUrl is stored.
        activity.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        var accepted = await bot.PostAsync(JsonConvert.SerializeObject(activity), token: standIn.ChannelToken(appId, activity.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var stored = await host.Services.GetRequiredService<ConversationReferences>().GetAsync(UserKeys.From("webchat", "teams-user"));
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored!.ServiceUrl);
    }
}
