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
    public async Task WithAnAppIdAForgedTokenGets401()
    {
        using var host = new BotHost(null, ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", Guid.NewGuid().ToString()), ("MicrosoftAppPassword", "not-a-real-secret"), ("MicrosoftAppTenantId", Guid.NewGuid().ToString()));
        var bot = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(bot.Message("hi")), System.Text.Encoding.UTF8, "application/json"),
        };

        // A structurally valid but unsigned JWT.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoieCJ9.");
        var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAnAppIdAnonymousRequestsAreAccepted()
    {
        using var host = new BotHost();
        var replies = await host.Client().SayAsync("hi");
        Assert.NotEmpty(replies);
    }
}
