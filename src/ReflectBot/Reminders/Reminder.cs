using Newtonsoft.Json;
using ReflectBot.Clinic;

namespace ReflectBot.Reminders;

/// <summary>
/// One reminder a person chose: which journey to start (or, for the weekly look back, none), when, and the
/// occurrence last claimed for sending, which is what keeps each occurrence to one send across instances.
/// </summary>
public sealed class Reminder
{
    /// <summary>The number "delete reminder N" names; stable while the reminder lives.</summary>
    [JsonProperty("number")]
    public int Number { get; set; }

    /// <summary>The journey its button starts; null for the weekly look back.</summary>
    [JsonProperty("journey", NullValueHandling = NullValueHandling.Ignore)]
    public string? JourneyId { get; set; }

    [JsonProperty("when")]
    public Recurrence Recurrence { get; set; } = new();

    /// <summary>The occurrence last claimed (and, unless its send failed, sent).</summary>
    [JsonProperty("sentFor", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? SentFor { get; set; }
}
