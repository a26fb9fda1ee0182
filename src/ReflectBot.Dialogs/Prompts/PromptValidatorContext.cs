using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>What a custom validator sees: the turn, what was recognized, the options and the attempt number.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>1 for the first answer, 2 for the second, and so on.</summary>
    public int AttemptCount { get; }

    /// <summary>Set by a validator that rejects, to say precisely what was wrong; replaces the retry prompt once.</summary>
    public string? RetryMessage { get; set; }
}
