using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs;

/// <summary>
/// A dialog that runs its own inner set of dialogs on an inner stack, kept inside its own state:
/// the way to package a journey (its waterfall and prompts) as one reusable unit.
/// </summary>
public class ComponentDialog : Dialog
{
    internal const string InnerStateKey = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialogs this component runs.</summary>
    public DialogSet Dialogs { get; } = new();

    /// <summary>The inner dialog started when the component begins; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog; the first one added becomes the initial dialog unless set otherwise.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = new DialogState();
        var innerDc = new DialogContext(Dialogs, dc.Context, inner, dc);
        var turn = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        Save(instance, inner);
        return await EndIfDoneAsync(dc, turn, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = Load(instance);
        var innerDc = new DialogContext(Dialogs, dc.Context, inner, dc);
        var turn = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        Save(instance, inner);
        return await EndIfDoneAsync(dc, turn, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // Something this component pushed on the outer stack has ended; the inner stack is still
        // waiting for the user, so ask its question again.
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    /// <summary>
    /// Re-prompts the inner stack with <paramref name="dc"/> as its parent, so an inner dialog that uses a prompt
    /// registered in an enclosing set is found. Subclasses that change how a component re-prompts override this one.
    /// </summary>
    protected internal override async Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(instance);
        var innerDc = new DialogContext(Dialogs, dc.Context, Load(instance), dc);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = Load(instance);
        var innerDc = new DialogContext(Dialogs, turnContext, inner);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var inner = Load(instance);
            var innerDc = new DialogContext(Dialogs, turnContext, inner);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            Save(instance, inner);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where one of this component's waterfalls is in a persisted instance of the component (the deepest one with
    /// that id on its inner stack), or <see cref="WaterfallPosition.NotStarted"/> when it is not there.
    /// </summary>
    public static WaterfallPosition WaterfallOf(DialogInstance instance, string waterfallId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Load(instance).DialogStack.LastOrDefault(d => d.Id == waterfallId) is { } waterfall
            ? WaterfallDialog.PositionOf(waterfall)
            : WaterfallPosition.NotStarted;
    }

    /// <summary>Starts the initial dialog. Override to start something else.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner stack. Override to handle interruptions before the inner dialog sees the message.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Called when the component leaves the stack.</summary>
    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;

    private static async Task<DialogTurnResult> EndIfDoneAsync(DialogContext outer, DialogTurnResult inner, CancellationToken cancellationToken)
        => inner.Status switch
        {
            DialogTurnStatus.Waiting => inner,
            DialogTurnStatus.Cancelled => await outer.EndDialogAsync(null, cancellationToken).ConfigureAwait(false),
            _ => await outer.EndDialogAsync(inner.Result, cancellationToken).ConfigureAwait(false),
        };

    internal static DialogState Load(DialogInstance instance)
        => instance.State[InnerStateKey] is JObject json ? json.ToObject<DialogState>() ?? new DialogState() : new DialogState();

    private static void Save(DialogInstance instance, DialogState inner)
        => instance.State[InnerStateKey] = JObject.FromObject(inner);
}
