using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ReflectBot.Hosting;

/// <summary>
/// A bot with no <c>MicrosoftAppId</c> authenticates nobody, so it must not be reachable from the network: a
/// container image (the Dockerfile listens on http://+:8080) or App Service refuses to start that way, with a
/// one-line reason, unless <c>Hosting:AllowAnonymousNetworkAccess</c> says this is development. (Requests are
/// also checked one by one: /api/messages answers only loopback callers then.)
/// </summary>
public static class AnonymousExposure
{
    /// <summary>The one line to print and stop with, or null when the host may start.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) || configuration.GetValue<bool>($"{HostingOptions.Section}:{nameof(HostingOptions.AllowAnonymousNetworkAccess)}"))
        {
            return null;
        }

        return ConfiguredAddresses(configuration).FirstOrDefault(a => !IsLoopback(a)) is { } exposed
            ? Line(exposed)
            : null;
    }

    /// <summary>The same rule for the addresses the server really bound (Kestrel endpoints set in code, say); null when fine.</summary>
    public static string? Refusal(IConfiguration configuration, IServer server)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(server);
        if (Refusal(configuration) is { } refusal)
        {
            return refusal;
        }

        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) || configuration.GetValue<bool>($"{HostingOptions.Section}:{nameof(HostingOptions.AllowAnonymousNetworkAccess)}"))
        {
            return null;
        }

        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return bound.FirstOrDefault(a => !IsLoopback(a)) is { } exposed ? Line(exposed) : null;
    }

    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // Kestrel's wildcards ("+", "*") are not valid URI hosts; they mean every interface.
        var normalized = address.Replace("://+", "://wildcard.invalid", StringComparison.Ordinal).Replace("://*", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var url) || url.Host == "wildcard.invalid")
        {
            return false;
        }

        return url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string Line(string exposed)
        => $"ReflectBot will not start: no MicrosoftAppId is configured, so nobody is authenticated, and it would listen on {exposed} beyond this machine. Configure MicrosoftAppId and its credentials, listen on localhost, or (development only) set Hosting__AllowAnonymousNetworkAccess=true.";

    /// <summary>Where Kestrel will listen by configuration: urls, else http_ports/https_ports (every interface), plus configured endpoints.</summary>
    private static IEnumerable<string> ConfiguredAddresses(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return url;
            }
        }
        else
        {
            foreach (var (scheme, key) in new[] { ("http", "http_ports"), ("https", "https_ports") })
            {
                foreach (var port in (configuration[key] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return $"{scheme}://*:{port}";
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }
}
