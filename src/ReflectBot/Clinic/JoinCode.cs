using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A clinician's single-use join code, as stored under codes/{code}.</summary>
public sealed class JoinCode
{
    [JsonProperty("code")]
    public string Code { get; set; } = string.Empty;

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    [JsonProperty("expiresUtc")]
    public DateTimeOffset ExpiresUtc { get; set; }

    [JsonProperty("usedBy", NullValueHandling = NullValueHandling.Ignore)]
    public string? UsedBy { get; set; }

    [JsonProperty("usedUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? UsedUtc { get; set; }

    [JsonProperty("revoked")]
    public bool Revoked { get; set; }
}
