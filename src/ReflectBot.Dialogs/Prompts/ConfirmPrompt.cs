using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Asks a yes/no question with Yes and No buttons; accepts yes and no in their everyday forms.</summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    private static readonly Choice[] YesNo = [new("Yes"), new("No")];

    public ConfirmPrompt(string dialogId, PromptWording wording, PromptValidator<bool>? validator = null)
        : base(dialogId, wording, validator)
    {
    }

    protected override string DefaultRetryPrompt(PromptOptions options) => Wording.YesOrNo;

    protected override IMessageActivity BuildPrompt(ITurnContext turnContext, PromptOptions options, string text)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = ChoiceRenderer.Render(turnContext.Activity.ChannelId, text, YesNo, options.Style);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var answer = ConfirmRecognizer.Recognize(text, CultureOf(turnContext));

        // The buttons are numbered 1 and 2 where they show as a list.
        answer ??= ChoiceRecognizer.Recognize(text, YesNo) is { } picked ? picked.Index == 0 : null;
        return Task.FromResult(answer is { } yes
            ? new PromptRecognizerResult<bool>(true, yes)
            : PromptRecognizerResult<bool>.Failed);
    }
}
