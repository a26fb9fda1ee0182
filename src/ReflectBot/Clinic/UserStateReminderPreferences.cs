using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// Whether a client paused reminders, read outside a turn from their user state: the flag the privacy
/// feature's "pause reminders" sets on <see cref="UserProfile"/>, the one source of truth. One read per
/// due assignment, only when the scheduler is about to send.
/// </summary>
public sealed class UserStateReminderPreferences(IStorage storage) : IReminderPreferences
{
    public async Task<bool> ArePausedAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var key = UserKeys.UserStateKeyOf(clientId);
        var stored = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return stored.TryGetValue(key, out var raw)
            && raw is IDictionary<string, object> state
            && state.TryGetValue(StateKeys.ProfileProperty, out var value)
            && JToken.FromObject(value).ToObject<UserProfile>() is { RemindersPaused: true };
    }
}
