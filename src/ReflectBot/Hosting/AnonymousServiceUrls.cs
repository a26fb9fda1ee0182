using System.Net;
using Microsoft.Extensions.Options;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Hosting;

/// <summary>
/// The connectors a bot with no <c>MicrosoftAppId</c> may reply to: one on this machine (loopback), or the host's
/// own configured public address. Nobody authenticates such a caller, and Bot Builder posts a reply to whatever
/// serviceUrl the activity names, so any other address would let a caller make the bot send requests where it
/// chooses (a cloud metadata address, a service on the host's network). /api/messages refuses such an activity,
/// and <see cref="IdentityMiddleware"/> marks only these as vouched for, so no other is ever stored.
/// </summary>
public sealed class AnonymousServiceUrls(IOptions<JournalOptions> journal)
{
    private readonly Uri? _publicBaseUrl = Uri.TryCreate(journal.Value.PublicBaseUrl, UriKind.Absolute, out var url) ? url : null;

    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        if (url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        return _publicBaseUrl is not null
               && string.Equals(url.GetLeftPart(UriPartial.Authority), _publicBaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
