namespace ReflectBot.Dialogs.Prompts;

/// <summary>What a prompt made of the user's message.</summary>
public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false);
}
