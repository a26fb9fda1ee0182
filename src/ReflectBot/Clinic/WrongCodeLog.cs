using Newtonsoft.Json;

namespace ReflectBot.Clinic;

/// <summary>When one user recently typed a code that did not work, for rate limiting.</summary>
public sealed class WrongCodeLog
{
    [JsonProperty("failures")]
    public List<DateTimeOffset> Failures { get; set; } = [];
}
