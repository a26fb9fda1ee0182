using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Privacy;

namespace ReflectBot.Journeys;

/// <summary>
/// A journey file compiled into a waterfall: for each step an ask step (the right prompt for its answer
/// kind) and a record step (keeps the answer in the waterfall's values), then the save question and
/// the close. Only ids, the step index and the answers are persisted between turns.
/// </summary>
public sealed class JourneyDialog : ComponentDialog
{
    private const string WaterfallId = "waterfall";
    private const string AnswersKey = "answers";
    private const string MoodKey = "mood";

    private readonly JourneyDefinition _journey;
    private readonly IJournalStore _journal;
    private readonly TimeProvider _time;

    public JourneyDialog(JourneyDefinition journey, IJournalStore journal, TimeProvider time)
        : base(journey?.Id ?? throw new ArgumentNullException(nameof(journey)))
    {
        _journey = journey;
        _journal = journal;
        _time = time;

        var waterfall = new WaterfallDialog(WaterfallId);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            waterfall.AddStep((context, ct) => AskAsync(context, step, ct));
            waterfall.AddStep((context, ct) => RecordAsync(context, step, ct));
        }

        waterfall.AddStep(AskToSaveAsync);
        waterfall.AddStep(FinishAsync);

        AddDialog(waterfall);
        AddDialog(new TextPrompt(PromptIds.Text));
        AddDialog(new ScalePrompt(PromptIds.Scale));
        AddDialog(new ChoicePrompt(PromptIds.Choice));
        AddDialog(new ConfirmPrompt(PromptIds.Confirm));
        AddDialog(new DateTimePrompt(PromptIds.DateTime, timeProvider: time));
        InitialDialogId = WaterfallId;
    }

    public JourneyDefinition Journey => _journey;

    /// <summary>Which question of the journey a persisted instance is on (1-based), for "help".</summary>
    public int QuestionNumber(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var stack = instance.State["dialogs"]?["dialogStack"] as JArray;
        var waterfall = stack?.LastOrDefault(d => d.Value<string>("id") == WaterfallId);
        var index = waterfall?["state"]?.Value<int?>("stepIndex") ?? 0;
        return Math.Min(_journey.Steps.Count, (index / 2) + 1);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, JourneyStep content, CancellationToken cancellationToken)
    {
        var options = new PromptOptions
        {
            Prompt = Wording(content, step.Context),
            MaxAttempts = 3,
            TooManyAttemptsMessage = "Let's leave that one for now and move on.",
        };

        string promptId;
        switch (content.Answer.Kind)
        {
            case AnswerKind.Scale:
                options.Scale = new ScaleRange(content.Answer.Min, content.Answer.Max, content.Answer.MinLabel, content.Answer.MaxLabel);
                options.Prompt = $"{options.Prompt} ({options.Scale.Describe()})";
                promptId = PromptIds.Scale;
                break;
            case AnswerKind.Choice:
                options.Choices = [.. content.Answer.Choices.Select(c => new Choice(c.Value, c.Synonyms))];
                promptId = PromptIds.Choice;
                break;
            case AnswerKind.Confirm:
                promptId = PromptIds.Confirm;
                break;
            case AnswerKind.DateTime:
                promptId = PromptIds.DateTime;
                break;
            default:
                promptId = PromptIds.Text;
                break;
        }

        return await step.PromptAsync(promptId, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, JourneyStep content, CancellationToken cancellationToken)
    {
        if (step.Values[AnswersKey] is not JObject answers)
        {
            answers = [];
            step.Values[AnswersKey] = answers;
        }

        var text = step.Result switch
        {
            null => null,
            string s => s,
            int n => n.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            FoundChoice choice => choice.Value,
            IReadOnlyList<DateTimeResolution> { Count: > 0 } dates => dates[0].Value ?? dates[0].Start ?? dates[0].Timex,
            var other => other.ToString(),
        };

        if (text is not null && content.Save)
        {
            answers[content.Id] = text;
        }

        if (content.Mood && step.Result is int mood)
        {
            step.Values[MoodKey] = mood;
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskToSaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // Consent is asked at the first save; after a "no" nothing is saved or asked (Privacy/ConsentGate).
        var savePrompt = ConsentGate.SavePrompt(step.Context, _journey.Close.SavePrompt);
        if (ConsentGate.Of(step.Context) == ConsentState.Refused || savePrompt is null)
        {
            return await step.NextAsync(ConsentGate.Of(step.Context) != ConsentState.Refused, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = savePrompt,
            RetryPrompt = "Shall I save it? Please answer yes or no.",
            MaxAttempts = 3,
            TooManyAttemptsMessage = "I'll leave it unsaved for now.",
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var save = step.Result is true;
        ConsentGate.Answered(step.Context, save);
        var refused = ConsentGate.Of(step.Context) == ConsentState.Refused;
        save &= !refused;
        JournalEntry? entry = null;
        if (save)
        {
            entry = ToEntry(step);
            await _journal.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var closing = save ? _journey.Close.Saved : refused ? $"{_journey.Close.NotSaved} {ConsentGate.NotKeeping}" : _journey.Close.NotSaved;
        await step.Context.SendActivityAsync(MessageFactory.Text(closing), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new JourneyOutcome(_journey.Id, save, entry?.Id), cancellationToken).ConfigureAwait(false);
    }

    private JournalEntry ToEntry(WaterfallStepContext step)
    {
        var activity = step.Context.Activity;
        var userId = UserKeys.Of(activity);
        var zone = TimeZones.Of(step.Context);
        var answers = step.Values[AnswersKey] as JObject ?? [];
        return new JournalEntry
        {
            Id = JournalEntryIds.From(userId, activity.Conversation?.Id, activity.Id),
            UserId = userId,
            JourneyId = _journey.Id,
            JourneyTitle = _journey.Title,
            Answers = answers.Properties().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
            Mood = step.Values.Value<int?>(MoodKey),
            Tags = [.. _journey.Tags],
            CreatedUtc = _time.GetUtcNow(),
            TimeZone = zone.Id,
        };
    }

    private string Wording(JourneyStep content, ITurnContext turnContext)
    {
        // Vary the wording from day to day and between conversations, without randomness in tests.
        var seed = _time.GetUtcNow().DayOfYear + (turnContext.Activity.Conversation?.Id?.Length ?? 0);
        return content.Prompt[seed % content.Prompt.Count];
    }

    private static class PromptIds
    {
        public const string Text = "text";
        public const string Scale = "scale";
        public const string Choice = "choice";
        public const string Confirm = "confirm";
        public const string DateTime = "datetime";
    }
}
