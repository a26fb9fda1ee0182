using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>A root component that handles "help" (answer, then ask again) and "stop" (cancel everything) before its dialogs see them.</summary>
internal sealed class Interruptible : ComponentDialog
{
    public const string Help = "I'm here to help you reflect. You can say stop at any time.";
    public const string Stopping = "OK, stopping here.";

    public Interruptible(string id = "root")
        : base(id)
    {
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "help":
                await innerDc.Context.SendActivityAsync(Help, cancellationToken: cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return DialogTurnResult.EndOfTurn;
            case "stop":
                await innerDc.Context.SendActivityAsync(Stopping, cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }
}
