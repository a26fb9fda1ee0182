using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Hosting;
using ReflectBot.Safety;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// /admin/... over the real host, from chosen peer addresses (the in-memory server lets a test be any peer): only
/// configured networks reach it, each address is rate-limited, and X-Forwarded-For counts only from a trusted proxy.
/// </summary>
public sealed class AdminAccessTests
{
    private const string Key = "operator-test-key";
    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.9");
    private static readonly IPAddress FrontEnd = IPAddress.Parse("169.254.129.3");

    [Fact]
    public async Task AnAddressOutsideTheAllowedNetworksGetsNotFoundEvenWithTheRightKey()
    {
        using var host = Host();
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, Stranger, Key));
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(host, Office, Key));
        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusFromAsync(host, Office, "wrong"));
    }

    [Fact]
    public async Task WithNoNetworksConfiguredOnlyThisMachineReachesAdmin()
    {
        using var host = new BotHost(null, ("Safety:OperatorKey", Key));
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, Office, Key));
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(host, IPAddress.Loopback, Key));
    }

    [Fact]
    public async Task EachAddressMayTryOnlySoManyTimesAMinuteRightKeyOrWrong()
    {
        using var host = Host(("Admin:RequestsPerMinute", "3"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, await StatusFromAsync(host, Office, "guess-" + i));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, await StatusFromAsync(host, Office, Key));
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(host, IPAddress.Parse("203.0.113.8"), Key));
    }

    [Fact]
    public async Task AForwardedAddressCountsOnlyFromTheTrustedProxyAndAnUntrustedSenderIsLoggedOnce()
    {
        var logs = new LogCollector();
        using var host = Host(services => services.AddSingleton<ILoggerProvider>(logs), ("Hosting:TrustedProxyNetworks:0", "169.254.0.0/16"));

        // The front end appends the client's address; a client's own claim before it is not believed (one hop).
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(host, FrontEnd, Key, forwardedFor: "10.9.9.9, 203.0.113.7"));
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, FrontEnd, Key, forwardedFor: "203.0.113.7, 198.51.100.9"));

        // A stranger claiming to be the office is the stranger, however often it says so; logged once, by address.
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, Stranger, Key, forwardedFor: "203.0.113.7"));
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, Stranger, Key, forwardedFor: "203.0.113.7"));
        var untrusted = logs.Entries.Where(e => e.EventId.Id == 2013).ToList();
        var entry = Assert.Single(untrusted);
        Assert.Contains(Stranger.ToString(), entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATrustedProxyForwardedHeadersAreIgnored()
    {
        using var host = Host();
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, IPAddress.Loopback, Key, forwardedFor: "203.0.113.7"));
        Assert.Equal(StatusCodes.Status404NotFound, await StatusFromAsync(host, Stranger, Key, forwardedFor: "203.0.113.7"));
    }

    [Theory]
    [InlineData("Admin:AllowedNetworks:1", "203.0.113.0/99", "Admin:AllowedNetworks:1")]
    [InlineData("Hosting:TrustedProxyNetworks:0", "front-end", "Hosting:TrustedProxyNetworks:0")]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true", "Hosting__TrustedProxyNetworks__N")]
    public void ABadNetworkOrTheFrameworksTrustEveryoneSwitchStopsStartUpNamingTheSetting(string setting, string value, string named)
    {
        using var host = new BotHost(null, ("Admin:AllowedNetworks:0", "203.0.113.0/24"), (setting, value));
        var problem = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(named, problem.ToString(), StringComparison.Ordinal);
    }

    private static BotHost Host(params (string Key, string? Value)[] settings) => Host(null, settings);

    private static BotHost Host(Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
        => new(null, [("Safety:OperatorKey", Key), ("Admin:AllowedNetworks:0", "203.0.113.0/28"), .. settings]) { TestServices = services };

    private static async Task<int> StatusFromAsync(BotHost host, IPAddress peer, string key, string? forwardedFor = null)
    {
        var context = await host.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = peer;
            http.Request.Method = "GET";
            http.Request.Path = "/admin/safety-events";
            http.Request.Headers[SafetyAdminEndpoints.KeyHeader] = key;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return context.Response.StatusCode;
    }
}
