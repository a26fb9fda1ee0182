using Microsoft.Bot.Builder;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>A root dialog that asks one prompt and then says what came back, so prompt tests read as scripts.</summary>
internal sealed class AskOnce : ComponentDialog
{
    public AskOnce(Dialog prompt, PromptOptions options, Func<object?, string> answer)
        : base("ask-once")
    {
        AddDialog(new WaterfallDialog("ask", [
            (step, cancellationToken) => step.PromptAsync(prompt.Id, options, cancellationToken),
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync(answer(step.Result), cancellationToken: cancellationToken);
                return await step.EndDialogAsync(step.Result, cancellationToken);
            },
        ]));
        AddDialog(prompt);
    }
}
