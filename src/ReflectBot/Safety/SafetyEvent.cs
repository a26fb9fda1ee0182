using Newtonsoft.Json;

namespace ReflectBot.Safety;

/// <summary>
/// That crisis language was met, and what the bot offered: never the message or anything the user
/// wrote, and never who it was. Kept for the operator's counts and the clinician's count.
/// </summary>
public sealed class SafetyEvent
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("timeUtc")]
    public DateTimeOffset TimeUtc { get; set; }

    /// <summary>
    /// The user's key, as the event is recorded: the store keeps only <see cref="Owner"/>, a keyed hash of it.
    /// Read from events written before that (so they can be migrated), never written.
    /// </summary>
    [JsonIgnore]
    public string? UserId { get; set; }

    /// <summary>The keyed hash of the user's key (<see cref="ReflectBot.Safety.UserPseudonyms"/>); removed when the user deletes their data (the count stays).</summary>
    [JsonProperty("owner", NullValueHandling = NullValueHandling.Ignore)]
    public string? Owner { get; set; }

    [JsonProperty("class")]
    public string Class { get; set; } = string.Empty;

    /// <summary>What the reply offered: "safety-plan", "resources:US", "directory", "grounding", "continue-later".</summary>
    [JsonProperty("offered")]
    public List<string> Offered { get; set; } = [];

    [JsonProperty("channel", NullValueHandling = NullValueHandling.Ignore)]
    public string? Channel { get; set; }

    // "userId" as events stored it before it was replaced by the owner's hash: read, never written back.
    [JsonProperty("userId", NullValueHandling = NullValueHandling.Ignore)]
    private string? StoredUserId
    {
        get => null;
        set => UserId = value;
    }
}
