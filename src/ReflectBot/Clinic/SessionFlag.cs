using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// "bring this to my session": what the client wants to talk about, under flags/{client}/{id}. It is for the
/// clinicians they were linked to when they said it, and only while that link lasts.
/// </summary>
public sealed class SessionFlag
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("clinicianIds")]
    public List<string> ClinicianIds { get; set; } = [];

    /// <summary>What they typed after the command; empty when they flagged their latest entry.</summary>
    [JsonProperty("text")]
    public string Text { get; set; } = string.Empty;

    [JsonProperty("entryTitle", NullValueHandling = NullValueHandling.Ignore)]
    public string? EntryTitle { get; set; }

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }
}
