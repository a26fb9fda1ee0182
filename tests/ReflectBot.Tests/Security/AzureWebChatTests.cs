using System.Net;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// The page in Azure: the host exchanges the Direct Line secret (never sent to the page) for a token bound to a
/// user id it chose and kept in the visitor's cookie, with the app's own origin as the only trusted origin.
/// </summary>
public sealed class AzureWebChatTests : IAsyncLifetime
{
    private DirectLineServiceStandIn _directLine = null!;

    public async Task InitializeAsync() => _directLine = await DirectLineServiceStandIn.StartAsync();

    public async Task DisposeAsync() => await _directLine.DisposeAsync();

    [Fact]
    public async Task TheHostExchangesTheSecretForATokenBoundToItsOwnUserIdAndOrigin()
    {
        using var host = Host(_directLine.Secret);
        var browser = host.CreateClient();
        var first = JObject.Parse(await (await browser.PostAsync(new Uri("/webchat/session", UriKind.Relative), null)).Content.ReadAsStringAsync());
        var second = JObject.Parse(await (await browser.PostAsync(new Uri("/webchat/session", UriKind.Relative), null)).Content.ReadAsStringAsync());

        Assert.Equal(new Uri(_directLine.BaseAddress, "v3/directline").AbsoluteUri, (string)first["domain"]!);
        Assert.True((bool)first["webSocket"]!);
        Assert.StartsWith("dl-token-", (string)first["token"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(_directLine.Secret, first.ToString(), StringComparison.Ordinal);

        var asked = _directLine.Requests.ToArray();
        Assert.Equal(2, asked.Length);
        var user = (string)asked[0]["user"]!["id"]!;
        Assert.Matches("^dl_[0-9a-f]{32}$", user);
        Assert.Equal(user, (string)asked[1]["user"]!["id"]!);
        Assert.Equal(["https://reflectbot.example.org"], asked[0]["trustedOrigins"]!.AsArray().Select(o => (string)o!));
    }

    [Fact]
    public async Task AWrongSecretGivesThePageAnErrorAndNoToken()
    {
        using var host = Host("not-the-secret");
        var response = await host.CreateClient().PostAsync(new Uri("/webchat/session", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("token\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _directLine.Refused);
    }

    [Fact]
    public void ASecretWithoutASigningKeyStopsStartUpNamingTheSetting()
    {
        using var host = Host(_directLine.Secret, signingKey: null);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("DirectLine:SigningKey", error.ToString(), StringComparison.Ordinal);
    }

    private BotHost Host(string secret, string? signingKey = "generate")
    {
        var appId = Guid.NewGuid().ToString();
        return new BotHost(null, [
            .. BotFrameworkStandIn.Shared.HostSettings(appId),
            ("WebChat:DirectLineSecret", secret),
            ("WebChat:DirectLineEndpoint", _directLine.BaseAddress.AbsoluteUri),
            ("DirectLine:SigningKey", signingKey is null ? null : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            ("Journal:PublicBaseUrl", "https://reflectbot.example.org"),
        ]);
    }
}
