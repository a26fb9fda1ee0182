using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A measure's total score, kept beside the journal entry it came from (scores/{client}/{entry}); numbers only, never a diagnosis.</summary>
public sealed class MeasureScore
{
    [JsonProperty("entryId")]
    public string EntryId { get; set; } = string.Empty;

    [JsonProperty("measureId")]
    public string MeasureId { get; set; } = string.Empty;

    [JsonProperty("score")]
    public int Score { get; set; }

    [JsonProperty("max")]
    public int Max { get; set; }

    /// <summary>The score band as numbers ("5-9").</summary>
    [JsonProperty("band")]
    public string Band { get; set; } = string.Empty;

    /// <summary>The answer to the measure's safety item (PHQ-9 item 9), as its label, for the clinician the client shares scores with.</summary>
    [JsonProperty("safetyItem", NullValueHandling = NullValueHandling.Ignore)]
    public string? SafetyItem { get; set; }

    /// <summary>The points of each item answered, by item id (kept since issue 15; null on older scores).</summary>
    [JsonProperty("items", NullValueHandling = NullValueHandling.Ignore)]
    public Dictionary<string, int>? Items { get; set; }

    /// <summary>The answer to the unscored difficulty question, if it was asked and answered.</summary>
    [JsonProperty("difficulty", NullValueHandling = NullValueHandling.Ignore)]
    public string? Difficulty { get; set; }

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }
}
