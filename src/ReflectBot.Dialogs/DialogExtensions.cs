using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs a root dialog for this turn: continues the stack if one is running, otherwise begins the dialog.
    /// The stack lives in <paramref name="accessor"/>; save the owning state after the turn.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(accessor);
        var set = new DialogSet().Add(dialog);
        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        var dc = new DialogContext(set, turnContext, state);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        // Storage that keeps plain JSON (no type names) hands BotState a JObject, which the accessor
        // converts into a new DialogState on every get without caching it: put the one we changed back,
        // or the turn's changes to the stack are never saved.
        await accessor.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
