using Newtonsoft.Json;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// What a prompt asks and accepts. Persisted with the dialog stack while the prompt waits, so it holds
/// plain text and small settings only, never rendered activities or cards.
/// </summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    [JsonProperty("prompt")]
    public string? Prompt { get; set; }

    /// <summary>Said instead of the question after an answer that was not accepted; each prompt has a sensible default.</summary>
    [JsonProperty("retryPrompt", NullValueHandling = NullValueHandling.Ignore)]
    public string? RetryPrompt { get; set; }

    /// <summary>The choices of a choice prompt.</summary>
    [JsonProperty("choices", NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<Choice>? Choices { get; set; }

    [JsonProperty("style", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public ListStyle Style { get; set; }

    /// <summary>The range and anchors of a scale prompt.</summary>
    [JsonProperty("scale", NullValueHandling = NullValueHandling.Ignore)]
    public ScaleRange? Scale { get; set; }

    /// <summary>How many answers to try before giving up; null for no limit. Giving up ends the prompt with a null result.</summary>
    [JsonProperty("maxAttempts", NullValueHandling = NullValueHandling.Ignore)]
    public int? MaxAttempts { get; set; }

    /// <summary>Said when the prompt gives up after <see cref="MaxAttempts"/>.</summary>
    [JsonProperty("tooManyAttemptsMessage", NullValueHandling = NullValueHandling.Ignore)]
    public string? TooManyAttemptsMessage { get; set; }
}
