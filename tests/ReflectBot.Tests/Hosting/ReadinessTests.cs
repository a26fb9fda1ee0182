using System.Net;
using Newtonsoft.Json.Linq;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// /health/ready against a real Azurite: ready while storage answers, 503 naming storage while it is stopped (the
/// liveness answer /health stays 200 throughout), and ready again once it is back, with no restart of the host.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task ReadinessFailsWhileStorageIsDownAndRecoversWhenItComesBack()
    {
        await using var azurite = await Azurite.LaunchAsync(TempFolder.Create());
        using var host = new BotHost(null, [.. BlobBotHost.Settings(azurite.ConnectionString, AzuriteFixture.UniquePrefix()), ("Health:ReadinessTimeout", "00:00:03")]);
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await azurite.StopAsync();
        var started = DateTimeOffset.UtcNow;
        using var down = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("storage", JObject.Parse(await down.Content.ReadAsStringAsync())["failed"]!.Value<string>());
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30), "readiness waited far beyond its timeout");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        await azurite.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task OnTheFileStoreReadinessIsReady()
    {
        using var host = new BotHost();
        using var http = host.CreateClient();
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", JObject.Parse(await response.Content.ReadAsStringAsync())["status"]!.Value<string>());
    }
}
