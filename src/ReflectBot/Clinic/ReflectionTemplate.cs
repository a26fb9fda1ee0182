using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A clinician's own reflection of several questions, kept for reuse under templates/{clinician}/{id}.</summary>
public sealed class ReflectionTemplate
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("title")]
    public string Title { get; set; } = string.Empty;

    [JsonProperty("questions")]
    public List<TemplateQuestion> Questions { get; set; } = [];

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    [JsonProperty("updatedUtc")]
    public DateTimeOffset UpdatedUtc { get; set; }
}
