using Microsoft.Bot.Builder;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>A small journey step packaged as a component: asks for a 0–10 stress score and ends with it.</summary>
internal sealed class CheckIn : ComponentDialog
{
    public const string Question = "How stressed do you feel, 0 to 10?";

    public CheckIn(string id = "check-in")
        : base(id)
    {
        AddDialog(new WaterfallDialog($"{id}-steps", [
            (step, cancellationToken) => step.PromptAsync("stress", new PromptOptions { Prompt = Question, Scale = new ScaleRange(0, 10, "calm", "overwhelmed") }, cancellationToken),
            (step, cancellationToken) => step.EndDialogAsync(step.Result, cancellationToken),
        ]));
        AddDialog(new ScalePrompt("stress", Wording.English));
    }

    protected override async Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
        {
            await turnContext.SendActivityAsync("(check-in cancelled)", cancellationToken: cancellationToken);
        }
    }
}
