namespace ReflectBot.Dialogs.Prompts;

/// <summary>A custom check on a recognized answer: return false to ask again.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
