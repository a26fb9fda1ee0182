using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReflectBot.Conversation;

namespace ReflectBot.Clinic;

/// <summary>Whether the sender of an activity is a clinician: by configuration only, never by what they type.</summary>
public sealed class ClinicianRoles(IOptions<ClinicOptions> options)
{
    private readonly HashSet<string> _aad = new(options.Value.ClinicianAadObjectIds.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _keys = new(options.Value.ClinicianUserKeys.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()), StringComparer.Ordinal);

    public bool IsClinician(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // Teams vouches for aadObjectId only on its own channel; elsewhere a sender could put anything there.
        if (activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams && activity.From?.AadObjectId is { Length: > 0 } aad && _aad.Contains(aad))
        {
            return true;
        }

        return _keys.Contains(UserKeys.Of(activity));
    }
}
