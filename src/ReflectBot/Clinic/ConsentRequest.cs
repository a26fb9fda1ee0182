using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>What the consent dialog is begun with: connecting through a code, or changing an existing link's consent.</summary>
public sealed class ConsentRequest
{
    /// <summary>The join code when connecting; null when changing consent.</summary>
    [JsonProperty("code", NullValueHandling = NullValueHandling.Ignore)]
    public string? Code { get; set; }

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    /// <summary>Whether the clinician has safety notes on, so the client is asked about them too.</summary>
    [JsonProperty("safetyNotes", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool SafetyNotes { get; set; }
}
