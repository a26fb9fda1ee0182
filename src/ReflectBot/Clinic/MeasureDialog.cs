using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// A measure as a waterfall: one choice per item, then the total and its band, saved with the journal
/// entry (answers "score" and "band") and beside it in the clinic store. A safety item answered above
/// zero gets three short follow-ups (thoughts now, a plan, safe right now) whose answers go to
/// <see cref="ISafetyEscalation"/>; after its crisis reply the measure ends without the score message.
/// Ends with a <see cref="JourneyOutcome"/>, like a journey.
/// </summary>
public sealed class MeasureDialog : ComponentDialog
{
    private const string WaterfallId = "waterfall";
    private const string ChoiceId = "choice";
    private const string PointsKey = "points";
    private const string ConfirmId = "confirm";
    private const string FollowUpKey = "followUp";
    private const string PausedKey = "paused";

    /// <summary>Handed from an item's prompt the person stepped back from to its record step; never persisted.</summary>
    private static readonly object StepBack = new();

    /// <summary>The answer key of the unscored difficulty question on the journal entry.</summary>
    public const string DifficultyKey = "difficulty";

    private readonly MeasureDefinition _measure;
    private readonly IJournalStore _journal;
    private readonly ClinicStore _store;
    private readonly ISafetyEscalation _safety;
    private readonly TimeProvider _time;
    private readonly StringCatalog _strings;

    // The waterfall step that asks each item (a safety item's follow-ups sit between two items).
    private readonly List<int> _askSteps = [];

    public MeasureDialog(MeasureDefinition measure, IJournalStore journal, ClinicStore store, ISafetyEscalation safety, TimeProvider time, StringCatalog strings)
        : base(MeasureCatalog.DialogPrefix + (measure ?? throw new ArgumentNullException(nameof(measure))).Id)
    {
        _measure = measure;
        _journal = journal;
        _store = store;
        _safety = safety;
        _time = time;
        _strings = strings;

        var waterfall = new WaterfallDialog(WaterfallId);
        for (var i = 0; i < measure.Items.Count; i++)
        {
            var index = i;
            _askSteps.Add(waterfall.StepCount);
            waterfall.AddStep((step, ct) => AskAsync(step, index, ct));
            waterfall.AddStep((step, ct) => RecordAsync(step, index, ct));
            if (measure.Items[i].Safety)
            {
                // Any answer above zero: thoughts now? a plan? safe right now? Each step passes when not needed.
                waterfall.AddStep((step, ct) => FollowUpAsync(step, 0, ct));
                waterfall.AddStep((step, ct) => FollowUpAsync(step, 1, ct));
                waterfall.AddStep((step, ct) => FollowUpAsync(step, 2, ct));
                waterfall.AddStep(RouteAsync);
            }
        }

        waterfall.AddStep(DifficultyAsync);
        waterfall.AddStep(FinishAsync);
        AddDialog(waterfall);
        var wording = PromptStrings.Wording(strings);
        AddDialog(new ChoicePrompt(ChoiceId, wording));
        AddDialog(new ConfirmPrompt(ConfirmId, wording));
        InitialDialogId = WaterfallId;
    }

    public MeasureDefinition Measure => _measure;

    /// <summary>
    /// "previous question" at an item: the item before comes again and its answer is set aside. Not past a safety item
    /// (its follow-ups, and any crisis reply, have already happened), nor from the follow-ups or the difficulty question:
    /// there the person is told so and the question comes again (the prompt alone used to answer "previous question"
    /// with its own retry line, as if the words were a wrong answer).
    /// </summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (!PreviousQuestionWords.Is(innerDc.Context.Activity.Text) || innerDc.Stack.Count < 2 || innerDc.Stack[1].Id != WaterfallId)
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        var item = _askSteps.IndexOf(WaterfallDialog.PositionOf(innerDc.Stack[1]).StepIndex);
        if (item <= 0 || _measure.Items[item - 1].Safety)
        {
            var why = item == 0 ? JourneyStrings.NothingBefore : ClinicStrings.MeasureCannotStepBack;
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(_strings[why]), cancellationToken).ConfigureAwait(false);
            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return DialogTurnResult.EndOfTurn;
        }

        return await innerDc.EndDialogAsync(StepBack, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, int index, CancellationToken cancellationToken)
    {
        if (index == 0)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ClinicStrings.MeasureIntro, ("title", _measure.Title), ("count", _measure.Items.Count))), cancellationToken).ConfigureAwait(false);
        }

        var item = _measure.Items[index];
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = _strings.Text(ClinicStrings.MeasureQuestion, ("number", index + 1), ("of", _measure.Items.Count), ("preamble", _measure.Preamble), ("item", item.Text)),
            Choices = [.. _measure.Options.Select(o => new Choice(o.Label))],
            Style = ListStyle.HeroCard,
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.SkipQuestion],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, int index, CancellationToken cancellationToken)
    {
        if (step.Values[PointsKey] is not JObject points)
        {
            points = [];
            step.Values[PointsKey] = points;
        }

        if (ReferenceEquals(step.Result, StepBack))
        {
            points.Remove(_measure.Items[index - 1].Id);
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[JourneyStrings.SteppedBack]), cancellationToken).ConfigureAwait(false);
            return await step.GoToAsync(_askSteps[index - 1], cancellationToken).ConfigureAwait(false);
        }

        var item = _measure.Items[index];
        if (step.Result is FoundChoice choice && choice.Index < _measure.Options.Count)
        {
            var value = _measure.Options[choice.Index].Value;
            points[item.Id] = value;
            if (item.Safety && value > 0)
            {
                step.Values[FollowUpKey] = new JArray();
            }
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks follow-up question <paramref name="question"/> (0 thoughts now, 1 a plan, 2 safe right now), after
    /// recording the answer to the one before. No thoughts now ends the follow-up; so does a plan (no need to
    /// ask more before the crisis reply).
    /// </summary>
    private async Task<DialogTurnResult> FollowUpAsync(WaterfallStepContext step, int question, CancellationToken cancellationToken)
    {
        if (step.Values[FollowUpKey] is not JArray answers)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (question > 0)
        {
            answers.Add(step.Result is true);
        }

        var done = (question >= 1 && !answers[0].Value<bool>()) || (question == 2 && answers[1].Value<bool>());
        if (done)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var (thoughts, plan, safe) = _safety.Questions;
        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = question switch { 0 => thoughts, 1 => plan, _ => safe },
            RetryPrompt = _strings[ClinicStrings.FollowUpRetry],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.FollowUpGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Values[FollowUpKey] is JArray answers)
        {
            if (step.Result is bool last)
            {
                answers.Add(last);
            }

            var thoughts = answers.Count > 0 && answers[0].Value<bool>();
            var plan = answers.Count > 1 && answers[1].Value<bool>();
            var safe = answers.Count <= 2 || answers[2].Value<bool>();
            step.Values[PausedKey] = await _safety.EscalateAsync(step.Context, _measure.Id, thoughts, plan, safe, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The unscored closing question, as published, when any item was answered above the lowest option; not
    /// after the crisis reply.
    /// </summary>
    private async Task<DialogTurnResult> DifficultyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var points = step.Values[PointsKey] as JObject ?? [];
        var lowest = _measure.Options.Min(o => o.Value);
        if (_measure.Difficulty is not { } difficulty || step.Values.Value<bool?>(PausedKey) == true || !points.Properties().Any(p => p.Value.Value<int>() > lowest))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = difficulty.Text,
            Choices = [.. difficulty.Options.Select(o => new Choice(o))],
            Style = ListStyle.HeroCard,
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.SkipQuestion],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var points = step.Values[PointsKey] as JObject ?? [];
        var answered = _measure.Items.Where(i => points[i.Id] is not null).ToList();
        var complete = answered.Count == _measure.Items.Count;
        var score = answered.Sum(i => points.Value<int>(i.Id));
        var band = complete ? _measure.BandOf(score) : string.Empty;

        var activity = step.Context.Activity;
        var userId = UserKeys.Of(activity);
        var answers = answered.ToDictionary(
            i => i.Id,
            i => _measure.Options.First(o => o.Value == points.Value<int>(i.Id)).Label,
            StringComparer.Ordinal);
        var questions = answered.ToDictionary(i => i.Id, i => i.Text, StringComparer.Ordinal);
        string? difficultyAnswer = null;
        if (step.Result is FoundChoice said && _measure.Difficulty is { } difficulty && said.Index < difficulty.Options.Count)
        {
            difficultyAnswer = difficulty.Options[said.Index];
            answers[DifficultyKey] = difficultyAnswer;
            questions[DifficultyKey] = difficulty.Text;
        }

        if (complete)
        {
            answers["score"] = _strings.Text(ClinicStrings.MeasureScore, ("score", score), ("max", _measure.MaxScore));
            answers["band"] = band;
        }

        var entry = new JournalEntry
        {
            Id = JournalEntryIds.From(userId, activity.Conversation?.Id, activity.Id),
            UserId = userId,
            JourneyId = _measure.Id,
            JourneyTitle = _measure.Title,
            Answers = answers,
            Questions = questions,
            Tags = ["measure", _measure.Id],
            CreatedUtc = _time.GetUtcNow(),
            TimeZone = TimeZones.Of(step.Context).Id,
        };
        await _journal.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        if (complete)
        {
            await _store.WriteAsync(ClinicKeys.Score(userId, entry.Id), new MeasureScore
            {
                EntryId = entry.Id,
                MeasureId = _measure.Id,
                Score = score,
                Max = _measure.MaxScore,
                Band = band,
                SafetyItem = _measure.Items.FirstOrDefault(i => i.Safety) is { } safetyItem && answers.TryGetValue(safetyItem.Id, out var label) ? label : null,
                Items = answered.ToDictionary(i => i.Id, i => points.Value<int>(i.Id), StringComparer.Ordinal),
                Difficulty = difficultyAnswer,
                CreatedUtc = entry.CreatedUtc,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // After the crisis reply the measure is paused: its answers are kept, and no score message follows the help.
        if (step.Values.Value<bool?>(PausedKey) == true)
        {
            return await step.EndDialogAsync(new JourneyOutcome(_measure.Id, true, entry.Id), cancellationToken).ConfigureAwait(false);
        }

        var text = complete
            ? _strings.Text(ClinicStrings.MeasureTotal, ("score", score), ("max", _measure.MaxScore), ("band", band))
            : _strings[ClinicStrings.MeasureNoTotal];
        await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new JourneyOutcome(_measure.Id, true, entry.Id), cancellationToken).ConfigureAwait(false);
    }
}
