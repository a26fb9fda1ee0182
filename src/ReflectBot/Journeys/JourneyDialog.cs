using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Cards;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Privacy;

namespace ReflectBot.Journeys;

/// <summary>
/// A journey file compiled into a waterfall: for each step an ask step (the right prompt for its answer
/// kind) and a record step (keeps the answer and acts on its follow-ups: a card, a skip forward, an offer
/// for the end), then the save question and the close. Only ids, the step index, the answers and the ids
/// of cards already shown are persisted between turns.
/// </summary>
public sealed class JourneyDialog : ComponentDialog, IDescribedDialog
{
    private const string WaterfallId = "waterfall";

    private readonly JourneyDefinition _journey;
    private readonly IJournalStore _journal;
    private readonly TimeProvider _time;
    private readonly CardCatalog _cards;
    private readonly JourneyCatalog _journeys;
    private readonly StringCatalog _strings;
    private readonly IJourneySupport? _support;

    public JourneyDialog(JourneyDefinition journey, IJournalStore journal, TimeProvider time, CardCatalog cards, JourneyCatalog journeys, StringCatalog strings, IJourneySupport? support = null)
        : base(journey?.Id ?? throw new ArgumentNullException(nameof(journey)))
    {
        _journey = journey;
        _journal = journal;
        _time = time;
        _cards = cards;
        _journeys = journeys;
        _strings = strings;
        _support = support;

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
        var wording = PromptStrings.Wording(strings);
        AddDialog(new TextPrompt(PromptIds.Text, wording));
        AddDialog(new ScalePrompt(PromptIds.Scale, wording));
        AddDialog(new ChoicePrompt(PromptIds.Choice, wording));
        AddDialog(new ConfirmPrompt(PromptIds.Confirm, wording));
        AddDialog(new DateTimePrompt(PromptIds.DateTime, wording, timeProvider: time));
        InitialDialogId = WaterfallId;
    }

    public JourneyDefinition Journey => _journey;

    /// <summary>The journey's title, for "help", "menu" and "cancel".</summary>
    public string Title => _journey.Title;

    /// <summary>
    /// Which question of the journey a persisted instance is on (1-based), and how many questions this walk
    /// through the journey has, as far as the answers so far tell.
    /// </summary>
    public (int Question, int Of)? Progress(DialogInstance instance)
    {
        var waterfall = WaterfallOf(instance, WaterfallId);
        var current = Math.Max(0, waterfall.StepIndex / 2);
        return (Math.Max(1, JourneyProgress.Asked(waterfall.Values)), Math.Max(1, JourneyProgress.Asked(waterfall.Values) - 1 + _journey.PathLength(current)));
    }

    /// <summary>
    /// "skip" (<see cref="SkipWords"/>) while a journey's question is open leaves it unanswered: the prompt ends
    /// without an answer and the record step goes on as the step's <c>next</c> says. A choice the content itself
    /// offers with those words ("skip this one") is the prompt's to match, so its own follow-ups still apply.
    /// </summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (innerDc.Stack.Count < 2 || innerDc.Stack[1].Id != WaterfallId)
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        // A prompt is open over the waterfall: one of the journey's questions, or (past the last) the save question.
        var text = innerDc.Context.Activity.Text;
        var index = WaterfallDialog.PositionOf(innerDc.Stack[1]).StepIndex;
        var question = index < 2 * _journey.Steps.Count ? _journey.Steps[index / 2] : null;

        // "previous question": the open prompt ends, and the step after it (a record step, or the close after the save
        // question) takes the journey back to the question before.
        if (PreviousQuestionWords.Is(text) && index <= 2 * _journey.Steps.Count && !OffersAsChoice(question, text))
        {
            return await innerDc.EndDialogAsync(JourneyProgress.StepBack, cancellationToken).ConfigureAwait(false);
        }

        if (SkipWords.Is(text) && question is not null && !OffersAsChoice(question, text))
        {
            return await innerDc.EndDialogAsync(JourneyProgress.SkippedByPerson, cancellationToken).ConfigureAwait(false);
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    private static bool OffersAsChoice(JourneyStep? step, string? text)
    {
        if (step is null)
        {
            return false;
        }

        var said = CardCatalog.Normalize(text);
        return step.Answer.Kind == AnswerKind.Choice
            && step.Answer.Choices.Any(c => CardCatalog.Normalize(c.Value) == said || c.Synonyms.Any(s => CardCatalog.Normalize(s) == said));
    }

    /// <summary>Whether a persisted instance is waiting for a written answer (a text question, not a choice, a scale or the save question).</summary>
    public bool AwaitsText(DialogInstance instance)
    {
        var index = WaterfallOf(instance, WaterfallId).StepIndex;
        return index >= 0 && index < 2 * _journey.Steps.Count && _journey.Steps[index / 2].Answer.Kind == AnswerKind.Text;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, JourneyStep content, CancellationToken cancellationToken)
    {
        // A branch skips forward: every step before the one it names passes without a question.
        if (JourneyProgress.SkippingTo(step.Values) is { } target)
        {
            if (target != content.Id)
            {
                return await step.NextAsync(JourneyProgress.Skipped, cancellationToken).ConfigureAwait(false);
            }

            JourneyProgress.ArriveAt(step.Values);
        }

        JourneyProgress.Arrive(step.Values, step.Index);
        JourneyProgress.CountQuestion(step.Values);
        var wording = Wording(content, step.Context);
        JourneyProgress.Questions(step.Values)[content.Id] = wording;
        var options = new PromptOptions
        {
            Prompt = wording,
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[JourneyStrings.TooManyAttempts],
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

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, JourneyStep content, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(step.Result, JourneyProgress.StepBack))
        {
            return await StepBackAsync(step, step.Index - 1, cancellationToken).ConfigureAwait(false);
        }

        if (ReferenceEquals(step.Result, JourneyProgress.Skipped))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Left unanswered by the person: nothing is kept, no card and no offer; the journey goes on as the step says.
        var chosenSkip = step.Result is FoundChoice picked && SkipWords.Is(picked.Value);
        if (ReferenceEquals(step.Result, JourneyProgress.SkippedByPerson) || chosenSkip)
        {
            JourneyProgress.Questions(step.Values).Remove(content.Id);
            if (((chosenSkip ? FollowUpOf(content, step.Result)?.Goto : null) ?? content.Next) is { } skipTo)
            {
                JourneyProgress.SkipTo(step.Values, skipTo);
            }

            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[JourneyStrings.Skipped]), cancellationToken).ConfigureAwait(false);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var text = AnswerText(step.Result);
        if (text is not null && content.Save)
        {
            JourneyProgress.Answers(step.Values)[content.Id] = text;
        }

        if (content.Mood && step.Result is int mood)
        {
            JourneyProgress.SetMood(step.Values, mood);
        }

        var followUp = FollowUpOf(content, step.Result);
        if ((followUp?.Goto ?? content.Next) is { } target)
        {
            JourneyProgress.SkipTo(step.Values, target);
        }

        if (followUp?.Offer is { } offer)
        {
            JourneyProgress.SetOffer(step.Values, offer);
        }

        // An answer that says someone is not safe brings the crisis reply now, tapped or typed as its number;
        // the journey then goes on to its own support step.
        if (followUp?.Support is { } support && _support is not null)
        {
            await _support.SupportAsync(step.Context, support, cancellationToken).ConfigureAwait(false);
        }

        if (content.Reflect && step.Result is string written)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(Reflection.Reflect(written, _strings)), cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var profile = step.Context.TurnState.Get<UserProfile>();
        var card = _cards.Find(followUp?.Card) ?? _cards.Find(content.Card);
        if (card is not null && (JourneyProgress.WasShown(step.Values, card.Id) || profile?.CardShownRecently(card.Id, now) == true))
        {
            card = null;
        }

        // What someone writes can bring up a fitting card, once per journey, so the cards never crowd the questions.
        if (card is null && content.SuggestCards && step.Result is string words && !JourneyProgress.KeywordCardShown(step.Values))
        {
            card = _cards.MatchKeywords(words, JourneyProgress.Shown(step.Values).Concat(profile?.CardsShownRecently(now) ?? []));
            if (card is not null)
            {
                JourneyProgress.MarkKeywordCard(step.Values);
            }
        }

        if (card is not null)
        {
            await ShowAsync(step, card, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskToSaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // Consent is asked at the first save; after a "no" nothing is saved or asked (Privacy/ConsentGate).
        var savePrompt = ConsentGate.SavePrompt(step.Context, _journey.Close.SavePrompt, _strings);
        if (ConsentGate.Of(step.Context) == ConsentState.Refused || savePrompt is null)
        {
            return await step.NextAsync(ConsentGate.Of(step.Context) != ConsentState.Refused, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = savePrompt,
            RetryPrompt = _strings[JourneyStrings.SaveRetry],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[JourneyStrings.SaveTooManyAttempts],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(step.Result, JourneyProgress.StepBack))
        {
            return await StepBackAsync(step, null, cancellationToken).ConfigureAwait(false);
        }

        var save = step.Result is true;
        ConsentGate.Answered(step.Context, save);
        var refused = ConsentGate.Of(step.Context) == ConsentState.Refused;
        save &= !refused;

        // One thing offered at the end: the journey an answer pointed to, else the close's card or journey.
        var offeredJourney = _journeys.Find(JourneyProgress.Offer(step.Values) ?? _journey.Close.Offer.Journey ?? string.Empty);
        var offeredCard = JourneyProgress.Offer(step.Values) is null ? _cards.Find(_journey.Close.Offer.Card) : null;
        var now = _time.GetUtcNow();
        var profile = step.Context.TurnState.Get<UserProfile>();
        if (offeredCard is not null && (JourneyProgress.WasShown(step.Values, offeredCard.Id) || profile?.CardShownRecently(offeredCard.Id, now) == true))
        {
            offeredCard = null;
        }

        if (offeredCard is not null)
        {
            JourneyProgress.RecordShown(step.Values, offeredCard.Id);
            profile?.RecordCardShown(offeredCard.Id, now);
        }

        JournalEntry? entry = null;
        if (save)
        {
            entry = ToEntry(step);
            await _journal.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var closing = save ? _journey.Close.Saved ?? _strings[JourneyStrings.Saved]
            : refused ? _strings[PrivacyStrings.NotKeeping]
            : _journey.Close.NotSaved ?? _strings[JourneyStrings.NotSaved];
        await step.Context.SendActivityAsync(MessageFactory.Text(closing), cancellationToken).ConfigureAwait(false);
        if (offeredCard is not null)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[JourneyStrings.OfferCard]), cancellationToken).ConfigureAwait(false);
            // Its button would start the journey just finished: left off (CardRenderer leaves off the current journey's).
            await step.Context.SendActivityAsync(CardRenderer.Render(offeredCard, _journeys, _strings, step.Context.Activity.ChannelId, _journey.Id), cancellationToken).ConfigureAwait(false);
        }
        else if (offeredJourney is not null && offeredJourney.Id != _journey.Id)
        {
            var command = offeredJourney.StartCommand;
            var text = _strings.Text(JourneyStrings.OfferJourney, ("title", offeredJourney.Title), ("minutes", offeredJourney.Minutes), ("summary", offeredJourney.Summary));
            await step.Context.SendActivityAsync(ChoiceRenderer.Render(step.Context.Activity.ChannelId, text, [new Choice(command), new Choice("menu")]), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(new JourneyOutcome(_journey.Id, save, entry?.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Back to the question before the one open at <paramref name="askIndex"/> (null: the save question): its answer is
    /// set aside and everything the journey did after it (a branch, an offer, the mood, cards counted) is as it was
    /// before it was asked; the other answers stay. At the first question, that question again, saying so.
    /// </summary>
    private async Task<DialogTurnResult> StepBackAsync(WaterfallStepContext step, int? askIndex, CancellationToken cancellationToken)
    {
        var questions = JourneyProgress.Questions(step.Values);
        if (askIndex is { } open)
        {
            questions.Remove(_journey.Steps[open / 2].Id);
        }

        // A journey begun before "previous question" existed has no trail: the open question (or the save question)
        // comes again, saying that going back is not possible this time.
        if (JourneyProgress.StepBackFrom(step.Values, askIndex) is not { } back)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[JourneyStrings.CannotStepBack]), cancellationToken).ConfigureAwait(false);
            return await step.GoToAsync(askIndex ?? 2 * _journey.Steps.Count, cancellationToken).ConfigureAwait(false);
        }

        if (back.Earlier)
        {
            var id = _journey.Steps[back.StepIndex / 2].Id;
            JourneyProgress.Answers(step.Values).Remove(id);
            questions.Remove(id);
        }

        var said = back.Earlier ? JourneyStrings.SteppedBack : JourneyStrings.NothingBefore;
        await step.Context.SendActivityAsync(MessageFactory.Text(_strings[said]), cancellationToken).ConfigureAwait(false);
        return await step.GoToAsync(back.StepIndex, cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowAsync(WaterfallStepContext step, CardDefinition card, CancellationToken cancellationToken)
    {
        JourneyProgress.RecordShown(step.Values, card.Id);
        step.Context.TurnState.Get<UserProfile>()?.RecordCardShown(card.Id, _time.GetUtcNow());
        await step.Context.SendActivityAsync(CardRenderer.Render(card, _journeys, _strings, step.Context.Activity.ChannelId, _journey.Id), cancellationToken).ConfigureAwait(false);
    }

    private static AnswerFollowUp? FollowUpOf(JourneyStep content, object? result) => result switch
    {
        FoundChoice choice => content.Answer.Choices.FirstOrDefault(c => string.Equals(c.Value, choice.Value, StringComparison.Ordinal)),
        int value when content.Answer.Kind == AnswerKind.Scale => content.Answer.Bands.FirstOrDefault(b => b.Contains(value)),
        _ => null,
    };

    private static string? AnswerText(object? result) => result switch
    {
        null => null,
        string s => s,
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        FoundChoice choice => choice.Value,
        IReadOnlyList<DateTimeResolution> { Count: > 0 } dates => DateText(dates[0]),
        var other => other.ToString(),
    };

    // A date as the journal shows its own ("Thu 3 Dec 2026, 10:30"), not the recognizer's "2026-12-03 10:30:00"; a
    // reading with no single moment (a range, "in the spring") keeps the recognizer's own words for it.
    private static string DateText(DateTimeResolution date)
    {
        if (date.ToDateTimeOffset() is not { } moment)
        {
            return date.Value ?? date.Start ?? date.Timex;
        }

        return moment.DateTime.ToString(date.Type == "date" ? "ddd d MMM yyyy" : "ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    private JournalEntry ToEntry(WaterfallStepContext step)
    {
        var activity = step.Context.Activity;
        var userId = UserKeys.Of(activity);
        var zone = TimeZones.Of(step.Context);
        var answers = JourneyProgress.Answers(step.Values);
        var asked = JourneyProgress.Questions(step.Values);
        return new JournalEntry
        {
            Id = JournalEntryIds.From(userId, activity.Conversation?.Id, activity.Id),
            UserId = userId,
            JourneyId = _journey.Id,
            JourneyTitle = _journey.Title,
            Answers = answers.Properties().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
            Questions = asked.Properties().Where(p => answers.ContainsKey(p.Name)).ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
            Mood = JourneyProgress.Mood(step.Values),
            Tags = [.. _journey.Tags],
            Cards = [.. JourneyProgress.Shown(step.Values)],
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
