using Newtonsoft.Json;

namespace ReflectBot.Journal;

/// <summary>
/// The entries the last listing showed, by number, so "read 2" opens the second (conversation state; ids only). A
/// deleted entry leaves its number empty rather than moving the others up: "2" keeps meaning the entry the person saw
/// as 2. An entry waiting for "yes" to "Delete entry 2 …?" is kept here until that answer or the next message.
/// </summary>
public sealed class JournalListing
{
    [JsonProperty("ids")]
    public List<string> Ids { get; set; } = [];

    /// <summary>The number (1-based) of the entry "delete entry N" asked about, or 0 when nothing is asked.</summary>
    [JsonProperty("deleteAsked", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int DeleteAsked { get; set; }

    [JsonProperty("deleteAskedUntil", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? DeleteAskedUntil { get; set; }
}
