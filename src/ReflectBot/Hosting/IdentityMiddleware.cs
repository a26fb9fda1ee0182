using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Hosting;

/// <summary>
/// Step 1 of every turn, before any other middleware, store or reply: the sender's key from ids that pass
/// <see cref="IdRules"/>, and who vouches for it (<see cref="TurnIdentity"/>), from the claims identity the
/// adapter authenticated, never from the activity's own say-so. A turn whose ids are unusable ends here with
/// nothing read or written; /api/messages has already answered such a request with 400, so reaching this
/// means a channel inside the process built a bad activity.
/// </summary>
public sealed class IdentityMiddleware(AnonymousServiceUrls anonymousServiceUrls, ILogger<IdentityMiddleware> logger) : IMiddleware
{

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (ActivityChecks.ProblemWith(activity) is { } problem)
        {
            HostLog.ActivityRefused(logger, "turn", problem);
            return;
        }

        var claims = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey);
        var source = SourceOf(claims, activity);
        if (source is null)
        {
            HostLog.ActivityRefused(logger, "turn", "The sender is not the user the web chat token was issued to.");
            return;
        }

        var identity = new TurnIdentity
        {
            UserKey = UserKeys.Of(activity),
            Source = source.Value,
            AadObjectId = source == IdentitySource.Channel && activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams && activity.From.AadObjectId is { Length: > 0 } aad ? aad : null,
            ServiceUrlVouched = source switch
            {
                IdentitySource.Channel => ServiceUrlClaimMatches(claims!, activity.ServiceUrl),
                IdentitySource.LocalWebChat => true,
                IdentitySource.Anonymous => anonymousServiceUrls.Allows(activity.ServiceUrl),
                _ => false,
            },
        };
        turnContext.TurnState.Set(identity);
        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Anonymous: CloudAdapter with no app id. Channel: a token CloudAdapter validated (its authentication
    /// type is the token handler's). A <see cref="VouchedIdentity"/> is this host's own web chat, and only for
    /// the very user it names. No authentication type at all is the bot continuing a stored conversation,
    /// and no identity is an in-process adapter (the terminal).
    /// </summary>
    private static IdentitySource? SourceOf(ClaimsIdentity? claims, Activity activity) => claims switch
    {
        null => IdentitySource.InProcess,
        VouchedIdentity vouched => vouched.ChannelId == activity.ChannelId && vouched.UserId == activity.From.Id ? IdentitySource.LocalWebChat : null,
        { AuthenticationType: AuthenticationConstants.AnonymousAuthType } => IdentitySource.Anonymous,
        { AuthenticationType: null or "" } => IdentitySource.Proactive,
        { IsAuthenticated: true } => IdentitySource.Channel,
        _ => IdentitySource.Anonymous,
    };

    // CloudAdapter already refuses a channel token whose serviceurl claim differs from the activity's; an
    // Emulator or skill token carries no such claim, so its serviceUrl was vouched by nobody.
    private static bool ServiceUrlClaimMatches(ClaimsIdentity claims, string? serviceUrl)
        => !string.IsNullOrEmpty(serviceUrl)
           && claims.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value is { Length: > 0 } claimed
           && string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase);
}
