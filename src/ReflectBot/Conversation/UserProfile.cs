using Newtonsoft.Json;

namespace ReflectBot.Conversation;

/// <summary>What the bot remembers about a user between conversations (user state).</summary>
public sealed class UserProfile
{
    /// <summary>Whether the welcome has been shown.</summary>
    [JsonProperty("welcomed")]
    public bool Welcomed { get; set; }

    /// <summary>The user's time zone (IANA id), from the channel or as they told us.</summary>
    [JsonProperty("timeZone", NullValueHandling = NullValueHandling.Ignore)]
    public string? TimeZone { get; set; }
}
