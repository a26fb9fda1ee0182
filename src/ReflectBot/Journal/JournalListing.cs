using Newtonsoft.Json;

namespace ReflectBot.Journal;

/// <summary>The entries the last listing showed, by number, so "read 2" opens the second (conversation state; ids only).</summary>
public sealed class JournalListing
{
    [JsonProperty("ids")]
    public List<string> Ids { get; set; } = [];
}
