using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace ReflectBot.Clinic;

/// <summary>One question of a clinician's own reflection, as they wrote it.</summary>
public sealed class TemplateQuestion
{
    [JsonProperty("kind")]
    [JsonConverter(typeof(StringEnumConverter), typeof(Newtonsoft.Json.Serialization.CamelCaseNamingStrategy))]
    public QuestionKind Kind { get; set; }

    [JsonProperty("text")]
    public string Text { get; set; } = string.Empty;

    /// <summary>The options of a <see cref="QuestionKind.Choice"/> question; empty otherwise.</summary>
    [JsonProperty("choices")]
    public List<string> Choices { get; set; } = [];
}
