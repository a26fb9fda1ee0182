using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>The client marked a journal entry as shared (shared/{client}/{entry}); the journal itself is not rewritten.</summary>
public sealed class SharedMark
{
    [JsonProperty("entryId")]
    public string EntryId { get; set; } = string.Empty;

    [JsonProperty("sharedUtc")]
    public DateTimeOffset SharedUtc { get; set; }
}
