using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using ReflectBot.Content;
using ReflectBot.Dialogs;
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

    private const string TextId = "text";

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
        var wording = PromptStrings.Wording(strings);
        AddDialog(new TextPrompt(TextId, wording));
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
            case string answer when assignment.CustomPrompt is not null:
                journeyId = CustomJourneyId;
                await _journal.AddAsync(new JournalEntry
                {
                    Id = JournalEntryIds.From(clientId, activity.Conversation?.Id, activity.Id),
                    UserId = clientId,
                    JourneyId = CustomJourneyId,
                    JourneyTitle = assignment.Title,
                    Answers = new Dictionary<string, string>(StringComparer.Ordinal) { ["answer"] = answer },
                    Questions = new Dictionary<string, string>(StringComparer.Ordinal) { ["answer"] = assignment.CustomPrompt },
                    Tags = ["assigned"],
                    CreatedUtc = _time.GetUtcNow(),
                    TimeZone = TimeZones.Of(step.Context).Id,
                }, cancellationToken).ConfigureAwait(false);
                await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.SavedToJournal]), cancellationToken).ConfigureAwait(false);
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
}
