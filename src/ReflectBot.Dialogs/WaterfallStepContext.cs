using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs;

/// <summary>
/// What a waterfall step sees: the turn, the step's index, the options the waterfall was begun with,
/// the values collected so far, and the result of the previous step (usually a prompt's answer).
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, int index, JToken? options, JObject values, DialogReason reason, object? result)
        : base(dc)
    {
        _parent = parent;
        Index = index;
        Options = options;
        Values = values;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with, as plain JSON.</summary>
    public JToken? Options { get; }

    /// <summary>Values collected by earlier steps; persisted with the stack between turns.</summary>
    public JObject Values { get; }

    /// <summary>Why this step is running.</summary>
    public DialogReason Reason { get; }

    /// <summary>The result of the previous step or of the dialog it started; null when a prompt gave up.</summary>
    public object? Result { get; }

    /// <summary>The waterfall's options as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => Options is null ? default : Options.ToObject<T>();

    /// <summary>Skips to the next step, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called for step {Index} of '{_parent.Id}'.");
        }

        _nextCalled = true;
        return _parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>
    /// Runs the step at <paramref name="index"/> instead of the next one, with no result: an earlier step, to ask
    /// its question again ("previous question"). Whatever the steps kept in <see cref="Values"/> stays as it is;
    /// undoing it is the caller's to decide.
    /// </summary>
    public Task<DialogTurnResult> GoToAsync(int index, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync or GoToAsync was already called for step {Index} of '{_parent.Id}'.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _parent.StepCount);
        _nextCalled = true;
        return _parent.GoToAsync(this, index, cancellationToken);
    }
}
