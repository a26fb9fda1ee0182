using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
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
/// Runs an assignment when the client taps Start: the assigned journey or measure (borrowed from the root
/// dialog set), or the clinician's own prompt, and on finishing tells <see cref="IJourneyCompletionObserver"/>
/// so the occurrence is marked done. The journey itself is unchanged; this wraps it and reads its outcome.
/// </summary>
public sealed class AssignedJourneyDialog : ComponentDialog, IDescribedDialog
{
    public const string DialogId = "clinic-assigned";
    public const string CustomJourneyId = "assigned-prompt";

    /// <summary>The journey id on an entry answering a clinician's own reflection of several questions.</summary>
    public const string ReflectionJourneyId = "assigned-reflection";

    private const string TextId = "text";
    private const string ScaleId = "scale";
    private const string ChoiceId = "choice";
    private const string ReflectionId = "reflection";

    private readonly Assignments _assignments;
    private readonly JourneyCatalog _journeys;
    private readonly MeasureCatalog _measures;
    private readonly IJournalStore _journal;
    private readonly IJourneyCompletionObserver _completion;
    private readonly ClinicLinks _links;
    private readonly TimeProvider _time;
    private readonly StringCatalog _strings;

    public string Title => _strings[ClinicStrings.AssignedTitle];

    public (int Question, int Of)? Progress(DialogInstance instance) => null;

    public AssignedJourneyDialog(Assignments assignments, JourneyCatalog journeys, MeasureCatalog measures, IJournalStore journal, IJourneyCompletionObserver completion, ClinicLinks links, TimeProvider time, StringCatalog strings)
        : base(DialogId)
    {
        _assignments = assignments;
        _journeys = journeys;
        _measures = measures;
        _journal = journal;
        _completion = completion;
        _links = links;
        _time = time;
        _strings = strings;
        AddDialog(new WaterfallDialog("waterfall").AddStep(StartAsync).AddStep(FinishAsync));
        AddDialog(new WaterfallDialog(ReflectionId).AddStep(AskAsync).AddStep(RecordAsync));
        var wording = PromptStrings.Wording(strings);
        AddDialog(new TextPrompt(TextId, wording));
        AddDialog(new ScalePrompt(ScaleId, wording));
        AddDialog(new ChoicePrompt(ChoiceId, wording));
    }

    /// <summary>Options: which assignment.</summary>
    public sealed class Request
    {
        [JsonProperty("assignmentId")]
        public string AssignmentId { get; set; } = string.Empty;
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        var assignment = await _assignments.FindAsync(UserKeys.Of(step.Context.Activity), request.AssignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null || assignment.Cancelled)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.AssignmentInactive]), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (assignment.JourneyId is { } id && _journeys.Find(id) is not null)
        {
            return await step.BeginDialogAsync(id, null, cancellationToken).ConfigureAwait(false);
        }

        if (assignment.JourneyId is { } measureId && _measures.Find(measureId) is not null)
        {
            return await step.BeginDialogAsync(MeasuresDialog.DialogId, new MeasuresDialog.Request { MeasureId = measureId }, cancellationToken).ConfigureAwait(false);
        }

        if (assignment.Questions is { Count: > 0 } questions)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ReflectionStrings.RunIntro, ("clinician", assignment.ClinicianName), ("count", questions.Count), ("title", assignment.Title))), cancellationToken).ConfigureAwait(false);
            return await step.BeginDialogAsync(ReflectionId, new JObject { ["assignmentId"] = assignment.Id, ["answers"] = new JObject() }, cancellationToken).ConfigureAwait(false);
        }

        if (assignment.CustomPrompt is { } prompt)
        {
            return await step.PromptAsync(TextId, new PromptOptions { Prompt = _strings.Text(ClinicStrings.ClinicianAsks, ("clinician", assignment.ClinicianName), ("prompt", prompt)) }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.ReflectionUnavailable]), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        var activity = step.Context.Activity;
        var clientId = UserKeys.Of(activity);
        var assignment = await _assignments.FindAsync(clientId, request.AssignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        string journeyId;
        switch (step.Result)
        {
            case JourneyOutcome outcome:
                journeyId = outcome.JourneyId;
                break;
            case JObject answers when assignment.Questions is { Count: > 0 } asked:
                journeyId = ReflectionJourneyId;
                await SaveAnswersAsync(
                    step,
                    assignment,
                    journeyId,
                    answers.Properties().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
                    asked.Select((q, i) => (Key: AnswerKey(i), q.Text)).Where(q => answers.ContainsKey(q.Key)).ToDictionary(q => q.Key, q => q.Text, StringComparer.Ordinal),
                    cancellationToken).ConfigureAwait(false);
                break;
            case string answer when assignment.CustomPrompt is not null:
                journeyId = CustomJourneyId;
                await SaveAnswersAsync(
                    step,
                    assignment,
                    journeyId,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["answer"] = answer },
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["answer"] = assignment.CustomPrompt },
                    cancellationToken).ConfigureAwait(false);
                break;
            default:
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await _completion.OnJourneyCompletedAsync(step.Context, journeyId, assignment.Id, cancellationToken).ConfigureAwait(false);
        var link = await _links.FindAsync(clientId, assignment.ClinicianId, cancellationToken).ConfigureAwait(false);
        var told = link?.Consent.Completion == true
            ? _strings.Text(ClinicStrings.MarkedDoneShared, ("clinician", assignment.ClinicianName))
            : _strings[ClinicStrings.MarkedDonePrivate];
        await step.Context.SendActivityAsync(MessageFactory.Text(told), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The client's answers to a clinician's own prompt or reflection, kept as one journal entry (its id from the
    /// activity, so a retried turn saves it once), then "saved" said.
    /// </summary>
    private async Task SaveAnswersAsync(WaterfallStepContext step, Assignment assignment, string journeyId, Dictionary<string, string> answers, Dictionary<string, string> questions, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var clientId = UserKeys.Of(activity);
        await _journal.AddAsync(new JournalEntry
        {
            Id = JournalEntryIds.From(clientId, activity.Conversation?.Id, activity.Id),
            UserId = clientId,
            JourneyId = journeyId,
            JourneyTitle = assignment.Title,
            Answers = answers,
            Questions = questions,
            Tags = ["assigned"],
            CreatedUtc = _time.GetUtcNow(),
            TimeZone = TimeZones.Of(step.Context).Id,
        }, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.SavedToJournal]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One question of the clinician's own reflection, asked as they wrote it and answered as they chose.</summary>
    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var state = step.Options as JObject ?? [];
        var answers = state["answers"] as JObject ?? [];
        var assignment = await _assignments.FindAsync(UserKeys.Of(step.Context.Activity), state.Value<string>("assignmentId") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        var questions = assignment?.Questions ?? [];
        var index = answers.Count;
        if (assignment is null || assignment.Cancelled || index >= questions.Count)
        {
            return await step.EndDialogAsync(assignment is null || assignment.Cancelled ? null : answers, cancellationToken).ConfigureAwait(false);
        }

        step.Values["state"] = state;
        var question = questions[index];
        var prompt = _strings.Text(ReflectionStrings.RunQuestion, ("number", index + 1), ("count", questions.Count), ("question", question.Text));
        return question.Kind switch
        {
            QuestionKind.Scale => await step.PromptAsync(ScaleId, new PromptOptions { Prompt = prompt, Scale = new ScaleRange(0, 10) }, cancellationToken).ConfigureAwait(false),
            QuestionKind.Choice when question.Choices.Count > 0 => await step.PromptAsync(ChoiceId, new PromptOptions { Prompt = prompt, Choices = [.. question.Choices.Select(c => new Choice(c))] }, cancellationToken).ConfigureAwait(false),
            _ => await step.PromptAsync(TextId, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var state = (JObject)step.Values["state"]!;
        var answers = state["answers"] as JObject ?? [];
        var answer = step.Result switch
        {
            string text => text,
            int number => number.ToString(CultureInfo.InvariantCulture),
            long number => number.ToString(CultureInfo.InvariantCulture),
            FoundChoice choice => choice.Value,
            _ => null,
        };
        if (answer is null)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        answers[AnswerKey(answers.Count)] = answer;
        state["answers"] = answers;
        return await step.ReplaceDialogAsync(ReflectionId, state, cancellationToken).ConfigureAwait(false);
    }

    private static string AnswerKey(int index) => "q" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
