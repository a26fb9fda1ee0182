using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>The prompts' retry sentences for these tests; the bot hands in its own from dialogs/strings/prompts.yaml.</summary>
public static class Wording
{
    public static PromptWording English { get; } = new()
    {
        YesOrNo = "Please answer yes or no.",
        Number = "Please answer with a number, like 3 or three.",
        Text = "Could you put that in a few words?",
        DateTime = "I couldn't read a date or time there. Try something like \"tomorrow at 8pm\" or \"next Monday evening\".",
        PickAny = "Please pick one of the options.",
        PickFrom = choices => $"Please pick one of these, by name or number: {choices}.",
        WholeNumber = (min, max, scale) => $"Please answer with a whole number from {min} to {max} ({scale}).",
        Between = (low, high) => $"Somewhere between {low} and {high}, then. Which is closer right now, {low} or {high}?",
    };
}
