using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs;

/// <summary>
/// One entry of the persisted dialog stack: which dialog, and the small amount of state it keeps
/// (step index, collected values, prompt settings). Never a rendered activity: those are rebuilt
/// from content each time, which keeps state small and free of deep object graphs.
/// </summary>
public sealed class DialogInstance
{
    [JsonConstructor]
    public DialogInstance(string id, JObject? state = null)
    {
        Id = id;
        State = state ?? [];
    }

    [JsonProperty("id")]
    public string Id { get; }

    /// <summary>The dialog's own state: plain JSON, so nothing read back from storage names a .NET type.</summary>
    [JsonProperty("state")]
    public JObject State { get; }
}
