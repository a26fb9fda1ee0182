using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Channels;

/// <summary>Whether the local channel (and its page) is there: on locally, off where Azure's Direct Line is used.</summary>
public sealed class DirectLineSwitchTests
{
    [Fact]
    public async Task WithNoAppIdThePageAndTheEndpointAreOn()
    {
        using var host = new BotHost();
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null)).StatusCode);
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("lib/webchat.js", page, StringComparison.Ordinal);
        Assert.Contains("not an emergency service", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WithAnAppIdTheyAreOffByDefault()
    {
        using var host = new BotHost(null, ("MicrosoftAppId", "00000000-0000-0000-0000-000000000001"), ("MicrosoftAppPassword", "secret"));
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/v3/conversations/x/activities", UriKind.Relative), null)).StatusCode);

        // Off, no token needs to outlive the process: no signing key is written into the data folder.
        Assert.NotNull(host.Services.GetRequiredService<DirectLineTokens>());
        Assert.False(File.Exists(Path.Combine(host.DataPath, "keys", DirectLineSigningKey.KeyFileName)));
    }

    [Fact]
    public async Task ConfigurationSwitchesItOffLocally()
    {
        using var host = new BotHost(null, ("DirectLine:Enabled", "false"));
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task ConfigurationSwitchesItOnWithAnAppId()
    {
        using var host = new BotHost(null, ("MicrosoftAppId", "00000000-0000-0000-0000-000000000001"), ("MicrosoftAppPassword", "secret"), ("DirectLine:Enabled", "true"));
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null)).StatusCode);
    }

    [Theory]
    [InlineData("DirectLine:TokenLifetime", "00:05:00")]
    [InlineData("DirectLine:SigningKey", "c2hvcnQ=")]
    [InlineData("DirectLine:ServiceUrl", "ftp://example.test/")]
    public void ABadSettingStopsStartUpNamingIt(string key, string value)
    {
        using var host = new BotHost(null, (key, value));
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }
}
