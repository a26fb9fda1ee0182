using Newtonsoft.Json;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>A whole-number scale with words for its ends, such as 0 = calm, 10 = overwhelmed.</summary>
public sealed record ScaleRange(
    [property: JsonProperty("min")] int Min,
    [property: JsonProperty("max")] int Max,
    [property: JsonProperty("minLabel", NullValueHandling = NullValueHandling.Ignore)] string? MinLabel = null,
    [property: JsonProperty("maxLabel", NullValueHandling = NullValueHandling.Ignore)] string? MaxLabel = null)
{
    /// <summary>"0 = calm, 10 = overwhelmed", or "0 to 10" without labels.</summary>
    public string Describe() => MinLabel is null || MaxLabel is null
        ? $"{Min} to {Max}"
        : $"{Min} = {MinLabel}, {Max} = {MaxLabel}";
}
