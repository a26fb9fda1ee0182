using Newtonsoft.Json.Linq;
using ReflectBot.Dialogs;

namespace ReflectBot.Conversation;

/// <summary>Reads where a component dialog's waterfall is, from the instance's persisted state.</summary>
public static class WaterfallSteps
{
    /// <summary>The step index of the named inner waterfall (0 when it has not started).</summary>
    public static int IndexOf(DialogInstance instance, string waterfallId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var stack = instance.State["dialogs"]?["dialogStack"] as JArray;
        var waterfall = stack?.LastOrDefault(d => d.Value<string>("id") == waterfallId);
        return waterfall?["state"]?.Value<int?>("stepIndex") ?? 0;
    }
}
