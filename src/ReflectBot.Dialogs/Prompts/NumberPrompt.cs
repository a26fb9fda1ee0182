using System.Globalization;
using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Asks for a number, in digits or words ("12", "twelve", "3.5"); a pronoun "one" ("that one", "no one") is no number.</summary>
public sealed class NumberPrompt : Prompt<double>
{
    public NumberPrompt(string dialogId, PromptWording wording, PromptValidator<double>? validator = null)
        : base(dialogId, wording, validator)
    {
    }

    protected override string DefaultRetryPrompt(PromptOptions options) => Wording.Number;

    protected override Task<PromptRecognizerResult<double>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var numbers = NumberRecognition.All(text is null ? null : NumberRecognition.WithoutPronounOnes(text), CultureOf(turnContext));

        // Two different numbers ("3 or 4") are a question back, not an answer.
        return Task.FromResult(numbers.Count > 0 && numbers.All(n => n.Equals(numbers[0]))
            ? new PromptRecognizerResult<double>(true, numbers[0])
            : PromptRecognizerResult<double>.Failed);
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
