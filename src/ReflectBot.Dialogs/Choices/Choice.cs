using Newtonsoft.Json;

namespace ReflectBot.Dialogs.Choices;

/// <summary>One option of a choice prompt: the value shown and returned, and other words that pick it.</summary>
public sealed class Choice
{
    [JsonConstructor]
    public Choice(string value, IReadOnlyList<string>? synonyms = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        Synonyms = synonyms ?? [];
    }

    [JsonProperty("value")]
    public string Value { get; }

    [JsonProperty("synonyms", NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<string> Synonyms { get; }
}
