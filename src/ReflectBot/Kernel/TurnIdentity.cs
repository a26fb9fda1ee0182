using Microsoft.Bot.Builder;

namespace ReflectBot.Kernel;

/// <summary>
/// Who the sender of this turn is and who vouches for it, decided once, before anything else runs
/// (Hosting/IdentityMiddleware). Features ask here rather than read the activity's claims themselves: an
/// activity's <c>from</c> and <c>aadObjectId</c> are only as good as whoever sent them.
/// </summary>
public sealed class TurnIdentity
{
    public required string UserKey { get; init; }

    public required IdentitySource Source { get; init; }

    /// <summary>The sender's Entra object id, only when Teams vouched for it (an authenticated Teams activity).</summary>
    public string? AadObjectId { get; init; }

    /// <summary>Whether the turn's serviceUrl may be kept and used later for proactive messages.</summary>
    public bool ServiceUrlVouched { get; init; }

    /// <summary>Whether a channel or this host vouches for the sender's id, so configured roles may be honoured.</summary>
    public bool IsVouched => Source is IdentitySource.Channel or IdentitySource.LocalWebChat or IdentitySource.InProcess;

    /// <summary>The identity of the turn, or null outside the bot's pipeline.</summary>
    public static TurnIdentity? Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<TurnIdentity>();
    }
}
