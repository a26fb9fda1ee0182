using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ReflectBot.Channels;

/// <summary>
/// The Bot Framework authentication with the per-turn clients built when first used rather than on every
/// turn. CloudAdapter asks for a connector client and a user-token client before each turn runs; each is a
/// Microsoft.Rest ServiceClient whose constructor sets up an HttpClient, default headers under a lock and
/// regular expressions (5–7 % of the bot's CPU in a profile of check-ins). A turn with deliveryMode
/// "expectReplies" answers in the HTTP response and never calls the connector, and no ReflectBot turn asks
/// for a user token, so most turns now build neither. Authentication itself is the inner one's, unchanged.
/// </summary>
public sealed class DeferredClientsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);

        // Only where replies go back in the response: a normal turn needs its connector to reply anyway, and
        // code that expects the SDK's own ConnectorClient type (TeamsInfo reuses its HttpClient) keeps getting it.
        if (activity?.DeliveryMode == DeliveryModes.ExpectReplies && result.ConnectorFactory is { } factory)
        {
            result.ConnectorFactory = new DeferredConnectorFactory(factory);
        }

        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => inner.CreateConnectorFactory(claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(ct => inner.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
}
