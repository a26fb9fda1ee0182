namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// What the prompts say after an answer they cannot take, when the caller's <see cref="PromptOptions"/> give no
/// <see cref="PromptOptions.RetryPrompt"/>. The runtime holds no sentence of its own: whoever builds the prompts
/// (the bot, from its content) hands these in, so every word the bot can say is reviewed where the rest is.
/// </summary>
public sealed class PromptWording
{
    /// <summary>After an answer to a yes/no question that is neither.</summary>
    public required string YesOrNo { get; init; }

    /// <summary>After an answer to a number question that holds no number.</summary>
    public required string Number { get; init; }

    /// <summary>After an empty answer to an open question.</summary>
    public required string Text { get; init; }

    /// <summary>After an answer that holds no date or time.</summary>
    public required string DateTime { get; init; }

    /// <summary>After an answer that matches none of the options, when the options have no values to list.</summary>
    public required string PickAny { get; init; }

    /// <summary>After an answer that matches none of the options: given the options as "1. Work, 2. Sleep".</summary>
    public required Func<string, string> PickFrom { get; init; }

    /// <summary>After a range of two neighbouring points of a scale ("7 or 8"): given the two, asks which is closer.</summary>
    public required Func<int, int, string> Between { get; init; }

    /// <summary>After an answer off the scale: given its lowest and highest number and the scale described (<see cref="ScaleRange.Describe"/>).</summary>
    public required Func<int, int, string, string> WholeNumber { get; init; }
}
