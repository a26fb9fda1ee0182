using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// Whether the sender of a turn is a clinician: by configuration only, never by what they type, and only when
/// a channel or this host vouches for who they are (<see cref="TurnIdentity.IsVouched"/>). An unauthenticated
/// /api/messages request can claim any id and any aadObjectId, so it is never a clinician.
/// </summary>
public sealed class ClinicianRoles(IOptions<ClinicOptions> options) : IClinicianDirectory
{
    private readonly HashSet<string> _aad = new(options.Value.ClinicianAadObjectIds.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _keys = new(options.Value.ClinicianUserKeys.Select(UserKeys.FromConfigured).OfType<string>(), StringComparer.Ordinal);

    public bool IsClinician(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (TurnIdentity.Of(turnContext) is not { IsVouched: true } identity)
        {
            return false;
        }

        // Teams vouches for aadObjectId only on an authenticated Teams activity (TurnIdentity leaves it empty otherwise).
        if (identity.AadObjectId is { } aad && _aad.Contains(aad))
        {
            return true;
        }

        return _keys.Contains(identity.UserKey);
    }

    /// <summary>Whether a user key is configured as a clinician's (the web chat's sign-in links check this before and when used).</summary>
    public bool IsClinicianKey(string userKey) => _keys.Contains(userKey);
}
