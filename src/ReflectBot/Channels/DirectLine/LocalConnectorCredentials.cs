using System.Net.Http.Headers;
using Microsoft.Rest;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The bot's credentials for one connector client. Requests to this host's connector routes carry a
/// token the host signed for that conversation, and only for a conversation this host's web chat holds
/// right now (so the routes are no open relay, and no Azure AD token is ever sent to, or needed for, the
/// local channel); every other request is the inner credentials' business.
/// </summary>
public sealed class LocalConnectorCredentials(ServiceClientCredentials inner, DirectLineTokens tokens, LocalServiceUrl serviceUrl, DirectLineConversations conversations) : ServiceClientCredentials
{
    public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (serviceUrl.Contains(request.RequestUri) && ConversationOf(request.RequestUri!) is { } conversationId)
        {
            if (!conversations.TryGet(conversationId, out var conversation))
            {
                // Not ours: sent without a token, so the route refuses it.
                return;
            }

            var token = tokens.Issue(conversationId, DirectLineBridge.BotAccount().Id, conversation.SessionStart, DirectLineTokens.ConnectorAudience);
            if (token is null)
            {
                return;
            }

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
