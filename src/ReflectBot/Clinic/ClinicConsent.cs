using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A client's consent for one link. Everything is off until the client turns it on.</summary>
public sealed class ClinicConsent
{
    [JsonProperty("completion")]
    public bool Completion { get; set; }

    [JsonProperty("mood")]
    public bool Mood { get; set; }

    [JsonProperty("sharedEntries")]
    public bool SharedEntries { get; set; }

    /// <summary>The answer to each question of a questionnaire (asked only when <see cref="Mood"/> is shared).</summary>
    [JsonProperty("measureAnswers", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool MeasureAnswers { get; set; }

    /// <summary>A content-free note to the clinician after a crisis reply (asked only when the clinician turned safety notes on).</summary>
    [JsonProperty("safetyNotes", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool SafetyNotes { get; set; }

    public bool Allows(ConsentScope scope) => scope switch
    {
        ConsentScope.Completion => Completion,
        ConsentScope.Mood => Mood,
        ConsentScope.SharedEntries => SharedEntries,
        ConsentScope.MeasureAnswers => Mood && MeasureAnswers,
        _ => false,
    };
}
