using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs;

/// <summary>
/// A dialog made of steps run in order; each step usually prompts, and the answer arrives as the next
/// step's <see cref="WaterfallStepContext.Result"/>. Persisted state: step index, options, values.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string StepIndexKey = "stepIndex";
    internal const string OptionsKey = "options";
    internal const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps is null ? [] : [.. steps];
    }

    public int StepCount => _steps.Count;

    /// <summary>Adds a step at the end.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    /// <summary>Where the waterfall of a persisted instance is (its step, options and values).</summary>
    public static WaterfallPosition PositionOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.State;
        return new WaterfallPosition(
            state.Value<int?>(StepIndexKey) ?? 0,
            state[OptionsKey] is { Type: not JTokenType.Null } options ? options : null,
            state[ValuesKey] as JObject ?? []);
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options is null ? JValue.CreateNull() : JToken.FromObject(options);
        state[ValuesKey] = new JObject();
        state[StepIndexKey] = -1;
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Only a message moves a waterfall on; typing indicators and the like leave it waiting.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State.Value<int?>(StepIndexKey) ?? -1;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal Task<DialogTurnResult> GoToAsync(DialogContext dc, int index, CancellationToken cancellationToken)
        => RunStepAsync(dc, index, DialogReason.NextCalled, null, cancellationToken);

    /// <summary>Runs the step at <paramref name="index"/>, or ends the waterfall after its last step.</summary>
    protected virtual async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        // Never re-assign a JObject that is already in the state: Json.NET would store a copy and the
        // step's writes to Values would be lost when the stack is saved.
        if (state[ValuesKey] is not JObject values)
        {
            values = [];
            state[ValuesKey] = values;
        }

        var step = new WaterfallStepContext(this, dc, index, state[OptionsKey], values, reason, result);
        return await _steps[index](step, cancellationToken).ConfigureAwait(false);
    }
}
