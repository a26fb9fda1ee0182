using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace ReflectBot.Clinic;

/// <summary>
/// The delivery mark and status of one occurrence, under occurrences/{assignment}/{due}. Created with a
/// create-only write (so two instances cannot both claim it) and changed only under its ETag.
/// </summary>
public sealed class OccurrenceRecord
{
    [JsonProperty("assignmentId")]
    public string AssignmentId { get; set; } = string.Empty;

    [JsonProperty("dueUtc")]
    public DateTimeOffset DueUtc { get; set; }

    [JsonProperty("state")]
    [JsonConverter(typeof(StringEnumConverter))]
    public OccurrenceState State { get; set; }

    /// <summary>Send attempts so far; never more than two (see <see cref="SchedulerOptions.ClaimTimeout"/>).</summary>
    [JsonProperty("attempts")]
    public int Attempts { get; set; }

    [JsonProperty("claimedUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ClaimedUtc { get; set; }

    [JsonProperty("sentUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? SentUtc { get; set; }

    [JsonProperty("doneUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? DoneUtc { get; set; }

    /// <summary>Which instance claimed it, for diagnosis.</summary>
    [JsonProperty("by", NullValueHandling = NullValueHandling.Ignore)]
    public string? By { get; set; }

    [JsonIgnore]
    public bool IsFinal => State is OccurrenceState.Done or OccurrenceState.Missed;
}
