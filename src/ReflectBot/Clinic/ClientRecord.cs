using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// What the scheduler needs to know about a client outside a turn: their time zone. (Whether reminders
/// are paused is the user's own setting in user state, read through <see cref="IReminderPreferences"/>.)
/// </summary>
public sealed class ClientRecord
{
    [JsonProperty("clientId")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>IANA id; assignments are scheduled and quiet hours kept in this zone.</summary>
    [JsonProperty("timeZone")]
    public string TimeZone { get; set; } = "UTC";
}
