using Newtonsoft.Json;

namespace ReflectBot.Safety;

/// <summary>
/// That crisis language was met, and what the bot offered: never the message or anything the user
/// wrote. Kept for the operator's counts and for clinician features later.
/// </summary>
public sealed class SafetyEvent
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("timeUtc")]
    public DateTimeOffset TimeUtc { get; set; }

    /// <summary>The user's key; removed when the user deletes their data (the count stays).</summary>
    [JsonProperty("userId", NullValueHandling = NullValueHandling.Ignore)]
    public string? UserId { get; set; }

    [JsonProperty("class")]
    public string Class { get; set; } = string.Empty;

    /// <summary>What the reply offered: "safety-plan", "resources:US", "directory", "grounding", "continue-later".</summary>
    [JsonProperty("offered")]
    public List<string> Offered { get; set; } = [];

    [JsonProperty("channel", NullValueHandling = NullValueHandling.Ignore)]
    public string? Channel { get; set; }
}
