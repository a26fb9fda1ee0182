using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// A client's link to one clinician, stored under links/{client}/{clinician}: the one record that grants a
/// clinician anything. Deleting it ("disconnect") ends all access at once.
/// </summary>
public sealed class ClientLink
{
    [JsonProperty("clientId")]
    public string ClientId { get; set; } = string.Empty;

    [JsonProperty("clientName")]
    public string ClientName { get; set; } = string.Empty;

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    [JsonProperty("consent")]
    public ClinicConsent Consent { get; set; } = new();

    [JsonProperty("linkedUtc")]
    public DateTimeOffset LinkedUtc { get; set; }
}
