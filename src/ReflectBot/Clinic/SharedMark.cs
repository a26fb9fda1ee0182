using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>
/// The client shared a journal entry over one link (shared/{client}/{clinician}/{entry}); the journal itself
/// is not rewritten. Also the clinician's roster pointer (rosters/{clinician}/{client}), holding the client's id.
/// </summary>
public sealed class SharedMark
{
    [JsonProperty("entryId")]
    public string EntryId { get; set; } = string.Empty;

    [JsonProperty("sharedUtc")]
    public DateTimeOffset SharedUtc { get; set; }
}
