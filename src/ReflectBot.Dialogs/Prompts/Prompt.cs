using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// Base of every prompt: asks, recognizes the answer, validates it, re-asks with a retry prompt, and
/// gives up after <see cref="PromptOptions.MaxAttempts"/> with a null result.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = PromptState.OptionsKey;
    private const string AttemptsKey = "attempts";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptWording wording, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(wording);
        Wording = wording;
        _validator = validator;
    }

    /// <summary>What this prompt says after an answer it cannot take, when the options give no retry prompt.</summary>
    protected PromptWording Wording { get; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be begun with {nameof(PromptOptions)}.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = JObject.FromObject(promptOptions);
        state[AttemptsKey] = 0;
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var attempts = (state.Value<int?>(AttemptsKey) ?? 0) + 1;
        state[AttemptsKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        var validation = new PromptValidatorContext<T>(dc.Context, recognized, options, attempts);
        var valid = recognized.Succeeded
            && (_validator is null || await _validator(validation, cancellationToken).ConfigureAwait(false));
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxAttempts is { } max && attempts >= max)
        {
            if (!string.IsNullOrWhiteSpace(options.TooManyAttemptsMessage))
            {
                await dc.Context.SendActivityAsync(MessageFactory.Text(options.TooManyAttemptsMessage), cancellationToken).ConfigureAwait(false);
            }

            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (validation.RetryMessage is not null)
        {
            await OnPromptAsync(dc.Context, WithText(options, validation.RetryMessage), isRetry: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return DialogTurnResult.EndOfTurn;
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // A prompt starts no children; if something was pushed over it and has ended, ask again.
        ArgumentNullException.ThrowIfNull(dc);
        return RepromptThenWaitAsync(dc, cancellationToken);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, ReadOptions(instance.State), isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question (or, on a retry, the retry prompt).</summary>
    protected virtual Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = isRetry ? options.RetryPrompt ?? DefaultRetryPrompt(options) : options.Prompt ?? string.Empty;
        return turnContext.SendActivityAsync(BuildPrompt(turnContext, options, text), cancellationToken);
    }

    /// <summary>The activity that asks <paramref name="text"/>: plain text unless a prompt adds buttons.</summary>
    protected virtual IMessageActivity BuildPrompt(ITurnContext turnContext, PromptOptions options, string text)
    {
        var activity = MessageFactory.Text(text);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    /// <summary>What to say after an answer that was not accepted, when the options give no retry prompt.</summary>
    protected abstract string DefaultRetryPrompt(PromptOptions options);

    /// <summary>Reads the answer out of the user's message.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The culture to recognize in: the activity's locale, else English.</summary>
    protected static string CultureOf(ITurnContext turnContext)
        => string.IsNullOrWhiteSpace(turnContext?.Activity?.Locale) ? Microsoft.Recognizers.Text.Culture.English : turnContext.Activity.Locale;

    private async Task<DialogTurnResult> RepromptThenWaitAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    private static PromptOptions ReadOptions(JObject state)
        => state[OptionsKey]?.ToObject<PromptOptions>() ?? new PromptOptions();

    private static PromptOptions WithText(PromptOptions options, string retry)
    {
        var copy = JObject.FromObject(options).ToObject<PromptOptions>()!;
        copy.RetryPrompt = retry;
        return copy;
    }
}
