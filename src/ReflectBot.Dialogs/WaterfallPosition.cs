using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs;

/// <summary>Where a waterfall is in a persisted dialog instance: the step it is at, the options it began with and the values its steps kept.</summary>
public sealed record WaterfallPosition(int StepIndex, JToken? Options, JObject Values)
{
    /// <summary>A waterfall that has not started.</summary>
    public static WaterfallPosition NotStarted => new(0, null, []);
}
