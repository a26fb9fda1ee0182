using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The serviceUrl written on activities from the page: this host's own address, so the bot's connector
/// client posts its replies back here. Taken from configuration or from the addresses the server bound,
/// never from a request (a Host header is the client's to choose, and the bot would post to it).
/// </summary>
public sealed class LocalServiceUrl(IOptions<DirectLineOptions> options, IServer server)
{
    private readonly Lazy<Uri> _value = new(() => Resolve(options.Value.ServiceUrl, server));

    public Uri Value => _value.Value;

    /// <summary>Whether a request the connector client made is addressed to this host's connector routes.</summary>
    public bool Contains(Uri? requestUri)
        => requestUri is not null && Value.IsBaseOf(requestUri);

    private static Uri Resolve(Uri? configured, IServer server)
    {
        if (configured is not null)
        {
            return WithSlash(configured);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

        // Prefer plain http on loopback: the connector client need not trust a development certificate.
        var chosen = addresses.OrderBy(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (chosen is null)
        {
            return new Uri("http://localhost/");
        }

        var any = new[] { "://0.0.0.0", "://[::]", "://+", "://*" };
        foreach (var wildcard in any)
        {
            chosen = chosen.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return WithSlash(new Uri(chosen));
    }

    private static Uri WithSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
