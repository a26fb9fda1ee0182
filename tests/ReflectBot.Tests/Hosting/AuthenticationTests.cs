using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>Bot Framework authentication as the SDK does it: anonymous only while no app id is configured.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task WithAnAppIdARequestWithoutATokenGets401()
    {
        using var host = new BotHost(null, ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", Guid.NewGuid().ToString()), ("MicrosoftAppPassword", "not-a-real-secret"), ("MicrosoftAppTenantId", Guid.NewGuid().ToString()));
        var bot = host.Client();
        var response = await bot.PostAsync(JsonConvert.SerializeObject(bot.Message("hi")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithAnAppIdATokenFromAnUnknownIssuerGets401()
    {
        using var host = new BotHost(null, ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", Guid.NewGuid().ToString()), ("MicrosoftAppPassword", "not-a-real-secret"), ("MicrosoftAppTenantId", Guid.NewGuid().ToString()));
        var bot = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(bot.Message("hi")), System.Text.Encoding.UTF8, "application/json"),
        };

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UnsignedToken("https://issuer.example.org"));
        var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithAnAppIdATokenThatCannotBeCheckedIsRefusedNotAccepted()
    {
        // The issuer is the Bot Framework's, so the SDK must fetch its signing keys, which this machine
        // cannot reach: the request is refused (503), never let through and never a 500.
        using var host = new BotHost(null, ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", Guid.NewGuid().ToString()), ("MicrosoftAppPassword", "not-a-real-secret"), ("MicrosoftAppTenantId", Guid.NewGuid().ToString()));
        var bot = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(bot.Message("hi")), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UnsignedToken("https://api.botframework.com"));
        var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public void IncompleteCredentialsStopStartUpWithTheirNames()
    {
        using var host = new BotHost(null, ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", Guid.NewGuid().ToString()));
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("MicrosoftAppPassword is required", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppTenantId is required", error.ToString(), StringComparison.Ordinal);
    }

    private static string UnsignedToken(string issuer)
    {
        static string B64(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"x\"}")}.{B64($"{{\"iss\":\"{issuer}\",\"aud\":\"x\"}}")}.c2ln";
    }

    [Fact]
    public async Task WithoutAnAppIdAnonymousRequestsAreAccepted()
    {
        using var host = new BotHost();
        var replies = await host.Client().SayAsync("hi");
        Assert.NotEmpty(replies);
    }
}
