using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>A clinician's own settings (settings/{clinician} in the clinic store). Everything is off until they turn it on.</summary>
public sealed class ClinicianSettings
{
    /// <summary>"safety notes on": clients who also agree, when connecting, get a content-free note sent to this clinician after a crisis reply.</summary>
    [JsonProperty("safetyNotes")]
    public bool SafetyNotes { get; set; }
}
