using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A clinician's one- or two-line reply to an entry the client shared, shown to the client once (replies/{client}/{id}).</summary>
public sealed class EntryReply
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    [JsonProperty("entryTitle")]
    public string EntryTitle { get; set; } = string.Empty;

    [JsonProperty("text")]
    public string Text { get; set; } = string.Empty;

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>
    /// A whole sentence to show instead of a reply to an entry: what the clinician changed in the client's
    /// settings, composed when it was changed. Null for a reply.
    /// </summary>
    [JsonProperty("notice", NullValueHandling = NullValueHandling.Ignore)]
    public string? Notice { get; set; }

    [JsonProperty("shownUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ShownUtc { get; set; }
}
