using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A reflection a clinician assigned to a client on a schedule, under assignments/{client}/{id}.</summary>
public sealed class Assignment
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("clientId")]
    public string ClientId { get; set; } = string.Empty;

    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    /// <summary>The journey or measure to run; null for a one-off prompt the clinician wrote.</summary>
    [JsonProperty("journeyId", NullValueHandling = NullValueHandling.Ignore)]
    public string? JourneyId { get; set; }

    [JsonProperty("customPrompt", NullValueHandling = NullValueHandling.Ignore)]
    public string? CustomPrompt { get; set; }

    /// <summary>The clinician's own reflection this came from, if any; its questions are copied below.</summary>
    [JsonProperty("templateId", NullValueHandling = NullValueHandling.Ignore)]
    public string? TemplateId { get; set; }

    /// <summary>
    /// The questions of the clinician's own reflection as they were when assigned: an edit or deletion of the
    /// reflection later does not change what this client is asked.
    /// </summary>
    [JsonProperty("questions", NullValueHandling = NullValueHandling.Ignore)]
    public List<TemplateQuestion>? Questions { get; set; }

    [JsonProperty("title")]
    public string Title { get; set; } = string.Empty;

    [JsonProperty("note", NullValueHandling = NullValueHandling.Ignore)]
    public string? Note { get; set; }

    [JsonProperty("recurrence")]
    public Recurrence Recurrence { get; set; } = new();

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    [JsonProperty("cancelled")]
    public bool Cancelled { get; set; }
}
