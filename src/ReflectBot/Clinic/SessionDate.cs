using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// The next session of one clinician with one client (sessions/{client}/{clinician}); the summary covers the
/// time since the previous one, and is sent to the clinician once, before the next.
/// </summary>
public sealed class SessionDate
{
    [JsonProperty("nextUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? NextUtc { get; set; }

    [JsonProperty("lastUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? LastUtc { get; set; }

    /// <summary>The clinician's time zone when they set it: their quiet hours, and how dates read to them.</summary>
    [JsonProperty("timeZone")]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The session whose summary was sent (claimed under the ETag, so exactly once across instances).</summary>
    [JsonProperty("summarySentFor", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? SummarySentFor { get; set; }
}
