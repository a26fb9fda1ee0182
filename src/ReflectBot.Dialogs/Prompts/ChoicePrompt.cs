using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// Offers a list of choices (suggested actions or a hero card, by channel) and accepts a choice by
/// number, by its value or by a synonym. The result is a <see cref="FoundChoice"/>.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptWording wording, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, wording, validator)
    {
    }

    protected override string DefaultRetryPrompt(PromptOptions options)
    {
        var choices = options.Choices ?? [];
        return choices.Count == 0
            ? Wording.PickAny
            : Wording.PickFrom(string.Join(", ", choices.Select((c, i) => $"{i + 1}. {c.Value}")));
    }

    protected override IMessageActivity BuildPrompt(ITurnContext turnContext, PromptOptions options, string text)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = ChoiceRenderer.Render(turnContext.Activity.ChannelId, text, options.Choices ?? [], options.Style);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? [], CultureOf(turnContext));
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failed
            : new PromptRecognizerResult<FoundChoice>(true, found));
    }
}
