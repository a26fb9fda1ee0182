using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// What one clinician set for one linked client, under settings/{client}/{clinician}: journeys paused, the
/// learning cards paused, and which questionnaires are offered. It ends with the link.
/// </summary>
public sealed class ClientSettings
{
    [JsonProperty("clinicianId")]
    public string ClinicianId { get; set; } = string.Empty;

    [JsonProperty("clinicianName")]
    public string ClinicianName { get; set; } = string.Empty;

    /// <summary>Ids of the journeys paused for this client.</summary>
    [JsonProperty("journeysOff")]
    public List<string> JourneysOff { get; set; } = [];

    [JsonProperty("cardsOff")]
    public bool CardsOff { get; set; }

    /// <summary>Ids of the questionnaires offered; null for all of them.</summary>
    [JsonProperty("measures", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? Measures { get; set; }
}
