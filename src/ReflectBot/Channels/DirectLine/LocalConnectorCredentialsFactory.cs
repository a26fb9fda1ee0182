using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The Bot Framework's credentials factory with <see cref="LocalConnectorCredentials"/> around what it makes,
/// so replies to the local channel are signed by this host while replies to Teams or Azure keep theirs.
/// </summary>
public sealed class LocalConnectorCredentialsFactory(ServiceClientCredentialsFactory inner, DirectLineTokens tokens, LocalServiceUrl serviceUrl, DirectLineConversations conversations) : ServiceClientCredentialsFactory
{
    public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken)
        => inner.IsValidAppIdAsync(appId, cancellationToken);

    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken)
        => inner.IsAuthenticationDisabledAsync(cancellationToken);

    public override async Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
    {
        var credentials = await inner.CreateCredentialsAsync(appId, audience, loginEndpoint, validateAuthority, cancellationToken).ConfigureAwait(false);
        return new LocalConnectorCredentials(credentials, tokens, serviceUrl, conversations);
    }
}
