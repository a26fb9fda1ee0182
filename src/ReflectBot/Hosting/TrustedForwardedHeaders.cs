using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ReflectBot.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto believed from <see cref="HostingOptions.TrustedProxyNetworks"/> only, and
/// one hop only: the entry the trusted proxy appended, never what a client wrote before it. The framework's defaults
/// (loopback trusted) are cleared, so a proxy on this machine is trusted only when a listed network says so.
/// </summary>
public static class TrustedForwardedHeaders
{
    // Bounded so a scan from many addresses cannot grow it; past the bound nothing more is logged.
    private const int MaxLoggedPeers = 1024;

    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var networks = Networks.Parse(app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.TrustedProxyNetworks);
        if (networks.Count > 0)
        {
            var options = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
                ForwardLimit = 1,
            };
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            app.UseForwardedHeaders(options);
        }

        // A peer outside the list that sends the headers is either a proxy nobody listed (the operator should
        // know its address) or someone trying to pick their own address: logged once per peer, never the header.
        var logged = new ConcurrentDictionary<IPAddress, bool>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrustedForwardedHeaders));
        app.Use((http, next) =>
        {
            var peer = http.Connection.RemoteIpAddress;
            if (peer is not null && http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("X-Original-For")
                && !Networks.Contain(networks, peer) && logged.Count < MaxLoggedPeers && logged.TryAdd(peer, true))
            {
                HostLog.UntrustedForwardedHeaders(logger, peer.ToString());
            }

            return next(http);
        });
        return app;
    }
}
