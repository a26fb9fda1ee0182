using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// "assign": the clinician picks a linked client, a journey or measure (or writes a one-off prompt),
/// says when in the client's time, adds an optional note, and confirms.
/// </summary>
public sealed class AssignDialog : ComponentDialog, IDescribedDialog
{
    public const string DialogId = "clinic-assign";

    private const string ChoiceId = "choice";
    private const string TextId = "text";
    private const string ConfirmId = "confirm";

    // The questions a clinician answers (client, journey, own prompt, when, note, confirm).
    private const int Questions = 6;

    private readonly ClinicianReads _reads;
    private readonly Assignments _assignments;
    private readonly ClientRecords _clients;
    private readonly JourneyCatalog _journeys;
    private readonly MeasureCatalog _measures;
    private readonly ReflectionTemplates _templates;
    private readonly TimeProvider _time;
    private readonly StringCatalog _strings;

    public string Title => _strings[ClinicStrings.AssignTitle];

    public (int Question, int Of)? Progress(DialogInstance instance)
        => (Math.Min(ComponentDialog.WaterfallOf(instance, "waterfall").StepIndex + 1, Questions), Questions);

    public AssignDialog(ClinicianReads reads, Assignments assignments, ClientRecords clients, JourneyCatalog journeys, MeasureCatalog measures, ReflectionTemplates templates, TimeProvider time, StringCatalog strings)
        : base(DialogId)
    {
        _reads = reads;
        _assignments = assignments;
        _clients = clients;
        _journeys = journeys;
        _measures = measures;
        _templates = templates;
        _time = time;
        _strings = strings;
        AddDialog(new WaterfallDialog("waterfall")
            .AddStep(WhichClientAsync)
            .AddStep(WhichJourneyAsync)
            .AddStep(OwnPromptAsync)
            .AddStep(WhenAsync)
            .AddStep(NoteAsync)
            .AddStep(ConfirmAsync)
            .AddStep(SaveAsync));
        var wording = PromptStrings.Wording(strings);
        AddDialog(new ChoicePrompt(ChoiceId, wording));
        AddDialog(new TextPrompt(TextId, wording));
        AddDialog(new ConfirmPrompt(ConfirmId, wording));
        AddDialog(new ScheduleDialog(time, strings));
    }

    private async Task<DialogTurnResult> WhichClientAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var clients = await _reads.ClientsAsync(UserKeys.Of(step.Context.Activity), cancellationToken).ConfigureAwait(false);
        if (clients.Count == 0)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.NoClientsToAssign]), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var names = UniqueNames(clients.Select(c => c.ClientName), _strings[ClinicStrings.UnnamedClientChoice]);
        step.Values["clients"] = new JArray(clients.Select((c, i) => new JObject { ["id"] = c.ClientId, ["name"] = names[i] }));
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = _strings[ClinicStrings.WhichClient],
            Choices = [.. names.Select(n => new Choice(n))],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.AssignGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> WhichJourneyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice client)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var chosen = (JObject)((JArray)step.Values["clients"]!)[client.Index];
        step.Values["clientId"] = chosen["id"];
        step.Values["clientName"] = chosen["name"];

        // The clinician's own reflections first (only theirs), then journeys and questionnaires.
        var own = await _templates.OfClinicianAsync(UserKeys.Of(step.Context.Activity), cancellationToken).ConfigureAwait(false);
        var offered = new JArray(own.Select(t => new JObject { ["templateId"] = t.Id, ["title"] = t.Title }));
        foreach (var (id, title) in Offered())
        {
            offered.Add(new JObject { ["journeyId"] = id, ["title"] = title });
        }

        var titles = UniqueNames(offered.Select(o => o.Value<string>("title")!), _strings[ClinicStrings.Untitled]);
        step.Values["offered"] = offered;
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = _strings[ClinicStrings.WhichReflection],
            Choices = [.. titles.Select(t => new Choice(t)), new Choice(_strings[ClinicStrings.OwnPrompt])],
            Style = ListStyle.HeroCard,
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.AssignGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OwnPromptAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice picked)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var offered = (JArray)step.Values["offered"]!;
        if (picked.Index < offered.Count)
        {
            var pick = (JObject)offered[picked.Index];
            step.Values["journeyId"] = pick["journeyId"];
            step.Values["templateId"] = pick["templateId"];
            step.Values["title"] = pick["title"];
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(TextId, new PromptOptions { Prompt = _strings.Text(ClinicStrings.OwnPromptQuestion, ("client", step.Values.Value<string>("clientName"))) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> WhenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is string own && own.Trim().Length > 0)
        {
            step.Values["customPrompt"] = own.Trim();
            step.Values["title"] = _strings[ClinicStrings.OwnPromptTitle];
        }

        var clientId = step.Values.Value<string>("clientId")!;
        var zone = (await _clients.FindAsync(clientId, cancellationToken).ConfigureAwait(false))?.TimeZone ?? "UTC";
        step.Values["zone"] = zone;
        return await step.BeginDialogAsync(ScheduleDialog.DialogId, new ScheduleDialog.Request { TimeZoneId = zone, ClientName = step.Values.Value<string>("clientName")! }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> NoteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not JObject recurrence)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.Values["recurrence"] = recurrence;
        return await step.PromptAsync(TextId, new PromptOptions { Prompt = _strings.Text(ClinicStrings.NoteQuestion, ("client", step.Values.Value<string>("clientName"))) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var note = (step.Result as string)?.Trim();
        if (note is not null && !IsNone(note))
        {
            step.Values["note"] = note;
        }

        var recurrence = step.Values["recurrence"]!.ToObject<Recurrence>()!;
        var zone = TimeZones.Find(recurrence.TimeZoneId);
        var next = recurrence.Occurrences().Where(o => o >= _time.GetUtcNow()).Take(3)
            .Select(o => TimeZoneInfo.ConvertTime(o, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture));
        var n = step.Values.Value<string>("note");
        var summary = _strings.Text(
            n is null ? ClinicStrings.Confirm : ClinicStrings.ConfirmWithNote,
            ("title", step.Values.Value<string>("title")),
            ("client", step.Values.Value<string>("clientName")),
            ("schedule", recurrence.Describe(_strings)),
            ("first", string.Join("; ", next)),
            ("note", n));
        return await step.PromptAsync(ConfirmId, new PromptOptions { Prompt = summary, MaxAttempts = 3 }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.AssignCancelled]), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var clinicianId = UserKeys.Of(step.Context.Activity);
        var clientId = step.Values.Value<string>("clientId")!;

        // The client may have disconnected while this was being set up.
        var link = await _reads.AuthorizeAsync(clinicianId, clientId, null, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.ClientGone]), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // The clinician's own reflection is copied as it is now; it may have been deleted meanwhile.
        List<TemplateQuestion>? questions = null;
        if (step.Values.Value<string>("templateId") is { } templateId)
        {
            if (await _templates.FindAsync(clinicianId, templateId, cancellationToken).ConfigureAwait(false) is not { } template)
            {
                await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ReflectionStrings.NoSuchReflection]), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            questions = template.Questions;
        }

        var recurrence = step.Values["recurrence"]!.ToObject<Recurrence>()!;
        var assignment = await _assignments.CreateAsync(new Assignment
        {
            ClientId = clientId,
            ClinicianId = clinicianId,
            ClinicianName = link.ClinicianName,
            JourneyId = step.Values.Value<string>("journeyId"),
            CustomPrompt = step.Values.Value<string>("customPrompt"),
            TemplateId = questions is null ? null : step.Values.Value<string>("templateId"),
            Questions = questions,
            Title = step.Values.Value<string>("title") ?? _strings[ClinicStrings.Untitled],
            Note = step.Values.Value<string>("note"),
            Recurrence = recurrence,
        }, cancellationToken).ConfigureAwait(false);

        await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ClinicStrings.Assigned, ("title", assignment.Title), ("client", step.Values.Value<string>("clientName")), ("schedule", recurrence.Describe(_strings)))), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(assignment.Id, cancellationToken).ConfigureAwait(false);
    }

    private List<(string Id, string Title)> Offered()
        => [.. _journeys.All.OrderBy(j => j.Title, StringComparer.Ordinal).Select(j => (j.Id, j.Title)),
            .. _measures.All.OrderBy(m => m.Title, StringComparer.Ordinal).Select(m => (m.Id, m.Title))];

    private static bool IsNone(string text) => JourneyCatalog.Normalize(text) is "no" or "none" or "nope" or "skip" or "no note" or "no thanks";

    private static List<string> UniqueNames(IEnumerable<string> names, string unnamed)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = string.IsNullOrWhiteSpace(name) ? unnamed : name;
            var n = 2;
            var unique = candidate;
            while (result.Contains(unique, StringComparer.OrdinalIgnoreCase))
            {
                unique = $"{candidate} ({n++})";
            }

            result.Add(unique);
        }

        return result;
    }
}
