using System.Net.Http.Headers;
using Microsoft.Rest;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The bot's credentials for one connector client. Requests to this host's connector routes carry a
/// token the host signed for that conversation (so the routes are no open relay, and no Azure AD token
/// is ever sent to, or needed for, the local channel); every other request is the inner credentials' business.
/// </summary>
public sealed class LocalConnectorCredentials(ServiceClientCredentials inner, DirectLineTokens tokens, LocalServiceUrl serviceUrl) : ServiceClientCredentials
{
    public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (serviceUrl.Contains(request.RequestUri) && ConversationOf(request.RequestUri!) is { } conversationId)
        {
            var token = tokens.Issue(conversationId, DirectLineBridge.BotAccount().Id, DirectLineTokens.ConnectorAudience);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return;
        }

        await inner.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The {conversationId} of ".../v3/conversations/{conversationId}/...".</summary>
    private string? ConversationOf(Uri requestUri)
    {
        var relative = serviceUrl.Value.MakeRelativeUri(requestUri).OriginalString.Split('?')[0].Split('/');
        return relative.Length >= 3 && relative[0] == "v3" && relative[1] == "conversations" ? Uri.UnescapeDataString(relative[2]) : null;
    }
}
