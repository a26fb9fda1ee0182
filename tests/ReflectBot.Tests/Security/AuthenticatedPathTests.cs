using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ReflectBot.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// The authenticated path, positively: a host with an app id trusts the Bot Framework (a loopback stand-in for
/// login.botframework.com serving its metadata and signing keys), a channel token signed the way the Bot
/// Connector signs one lets the turn through, and anything else does not.
/// </summary>
public sealed class AuthenticatedPathTests : IDisposable
{
    private const string ClinicianAad = "00000000-0000-4000-8000-0000000dc7a1";

    private readonly BotFrameworkStandIn _standIn = BotFrameworkStandIn.Shared;
    private readonly string _appId = Guid.NewGuid().ToString();
    private readonly BotHost _host;

    public AuthenticatedPathTests()
    {
        _host = new BotHost(null, [.. _standIn.HostSettings(_appId), ("Clinic:ClinicianAadObjectIds:0", ClinicianAad)]);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AValidChannelTokenLetsTheTurnThroughAndTheBotAnswers()
    {
        var bot = _host.Client(userId: "29:1signed", conversationId: "a:1signed", channelId: "msteams");
        var activity = bot.Message("hi");
        var response = await bot.PostAsync(JsonConvert.SerializeObject(activity), token: _standIn.ChannelToken(_appId, activity.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("automated", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATokenForAnotherBotOrSignedWithAnUnknownKeyOrForAnotherServiceUrlIsRefused()
    {
        var bot = _host.Client(userId: "29:1signed", conversationId: "a:1signed", channelId: "msteams");
        var body = JsonConvert.SerializeObject(bot.Message("hi"));
        var serviceUrl = bot.Message("hi").ServiceUrl;
        foreach (var token in new[]
        {
            _standIn.ChannelToken(Guid.NewGuid().ToString(), serviceUrl),
            _standIn.ChannelToken(_appId, serviceUrl, otherKey: true),
            _standIn.ChannelToken(_appId, "https://attacker.example/"),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(body, token: token)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(body)).StatusCode);
    }

    [Fact]
    public async Task OnAnAuthenticatedTeamsActivityTheConfiguredEntraObjectIdIsAClinician()
    {
        var bot = _host.Client(userId: "29:1clinician", conversationId: "a:1clinician", channelId: "msteams");
        var activity = bot.Message("new client code");
        activity.From = new ChannelAccount("29:1clinician", "Dr Signed", aadObjectId: ClinicianAad);
        var response = await bot.PostAsync(JsonConvert.SerializeObject(activity), token: _standIn.ChannelToken(_appId, activity.ServiceUrl));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your new client code is", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(ClinicStrings.OnlyClinicians), body, StringComparison.Ordinal);
    }
}
