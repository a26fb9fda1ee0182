using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Asks for free text; accepts any message with some text in it.</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptWording wording, PromptValidator<string>? validator = null)
        : base(dialogId, wording, validator)
    {
    }

    protected override string DefaultRetryPrompt(PromptOptions options) => Wording.Text;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognizerResult<string>.Failed
            : new PromptRecognizerResult<string>(true, text));
    }
}
