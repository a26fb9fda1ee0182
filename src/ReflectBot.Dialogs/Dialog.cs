using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs;

/// <summary>
/// Base class of every dialog: a unit of conversation that can begin, take the user's next messages,
/// resume after a child dialog ends, re-prompt, and clean up when it ends.
/// </summary>
public abstract class Dialog
{
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The id by which the dialog is found in its <see cref="DialogSet"/>.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Called with the user's next message while this dialog is on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog this one started has ended, with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again for whatever the dialog is waiting for (after an interruption such as "help").</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>
    /// Asks again with the stack at hand: what <see cref="DialogContext.RepromptDialogAsync"/> calls. By default the
    /// same as <see cref="RepromptDialogAsync(ITurnContext, DialogInstance, CancellationToken)"/>; a component
    /// overrides it so its inner dialogs can still find dialogs registered in the enclosing sets.
    /// </summary>
    protected internal virtual Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return RepromptDialogAsync(dc.Context, instance, cancellationToken);
    }

    /// <summary>Called when the dialog is removed from the stack, normally or by cancellation.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
