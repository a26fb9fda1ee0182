using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;
using ReflectBot.Kernel;
using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// Asks a client's consent, scope by scope, everything off unless they say yes: when connecting through a
/// join code (after saying exactly who the clinician is and what could be shared), and when changing an
/// existing link's consent ("my clinician").
/// </summary>
public sealed class ConsentDialog : ComponentDialog, IDescribedDialog
{
    public const string DialogId = "clinic-consent";

    private const string ConfirmId = "confirm";

    private readonly JoinCodes _codes;
    private readonly ClinicLinks _links;
    private readonly ClientRecords _clients;
    private readonly SafetyContent _safety;
    private readonly StringCatalog _strings;

    public string Title => _strings[ClinicStrings.ConsentTitle];

    // Four questions (one more when mood is shared: each questionnaire answer; one more when the clinician has
    // safety notes on): connect at all, then completion, mood, shared entries, questionnaire answers, safety notes.
    public (int Question, int Of)? Progress(DialogInstance instance)
    {
        var waterfall = WaterfallOf(instance, "waterfall");
        var of = (waterfall.Options?.Value<bool?>("safetyNotes") == true ? 5 : 4) + (waterfall.Values.Value<bool?>(nameof(ConsentScope.Mood)) == true ? 1 : 0);
        return (Math.Min(waterfall.StepIndex + 1, of), of);
    }

    public ConsentDialog(JoinCodes codes, ClinicLinks links, ClientRecords clients, SafetyContent safety, StringCatalog strings)
        : base(DialogId)
    {
        _codes = codes;
        _links = links;
        _clients = clients;
        _safety = safety;
        _strings = strings;
        AddDialog(new WaterfallDialog("waterfall")
            .AddStep(IntroAsync)
            .AddStep((step, ct) => AskScopeAsync(step, null, ClinicStrings.AskCompletion, ct))
            .AddStep((step, ct) => AskScopeAsync(step, ConsentScope.Completion, ClinicStrings.AskMood, ct))
            .AddStep((step, ct) => AskScopeAsync(step, ConsentScope.Mood, ClinicStrings.AskShared, ct))
            .AddStep(AskMeasureAnswersAsync)
            .AddStep(AskSafetyNotesAsync)
            .AddStep(FinishAsync));
        var wording = PromptStrings.Wording(strings);
        AddDialog(new ConfirmPrompt(ConfirmId, wording));
    }

    private static ConsentRequest RequestOf(WaterfallStepContext step) => step.GetOptions<ConsentRequest>() ?? new ConsentRequest();

    private async Task<DialogTurnResult> IntroAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = RequestOf(step);
        await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ClinicStrings.WhatIsShared, ("clinician", request.ClinicianName))), cancellationToken).ConfigureAwait(false);
        if (request.Code is null)
        {
            return await step.NextAsync(true, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ConfirmId, new PromptOptions { Prompt = _strings.Text(ClinicStrings.ConnectWith, ("clinician", request.ClinicianName)), MaxAttempts = 3 }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskScopeAsync(WaterfallStepContext step, ConsentScope? answered, StringKey question, CancellationToken cancellationToken)
    {
        var request = RequestOf(step);
        if (answered is null)
        {
            if (step.Result is not true)
            {
                await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.NotConnected]), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            step.Values[answered.Value.ToString()] = step.Result is true;
        }

        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = _strings.Text(question, ("clinician", request.ClinicianName)),
            RetryPrompt = _strings[ClinicStrings.ConsentRetry],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.ConsentGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only after yes to mood and scores: the answers behind a questionnaire's total, said exactly.</summary>
    private async Task<DialogTurnResult> AskMeasureAnswersAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = RequestOf(step);
        step.Values[nameof(ConsentScope.SharedEntries)] = step.Result is true;
        if (step.Values.Value<bool?>(nameof(ConsentScope.Mood)) != true)
        {
            return await step.NextAsync(false, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = _strings.Text(ClinicStrings.AskMeasureAnswers, ("clinician", request.ClinicianName)),
            RetryPrompt = _strings[ClinicStrings.ConsentRetry],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.ConsentGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only when the clinician turned safety notes on: exactly what the note says, and that nobody monitors it.</summary>
    private async Task<DialogTurnResult> AskSafetyNotesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = RequestOf(step);
        step.Values[nameof(ConsentScope.MeasureAnswers)] = step.Result is true;
        if (!request.SafetyNotes)
        {
            return await step.NextAsync(false, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = _safety.Replies.AlertQuestion.Replace("{clinician}", request.ClinicianName, StringComparison.Ordinal),
            RetryPrompt = _strings[ClinicStrings.SafetyNotesRetry],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ClinicStrings.SafetyNotesGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = RequestOf(step);
        var consent = new ClinicConsent
        {
            Completion = step.Values.Value<bool?>(nameof(ConsentScope.Completion)) ?? false,
            Mood = step.Values.Value<bool?>(nameof(ConsentScope.Mood)) ?? false,
            SharedEntries = step.Values.Value<bool?>(nameof(ConsentScope.SharedEntries)) ?? false,
            MeasureAnswers = step.Values.Value<bool?>(nameof(ConsentScope.MeasureAnswers)) ?? false,
            SafetyNotes = request.SafetyNotes && step.Result is true,
        };

        var activity = step.Context.Activity;
        var clientId = UserKeys.Of(activity);
        string reply;
        if (request.Code is { } code)
        {
            // Checked again now: the code may have been used or revoked while the client was answering.
            var (status, found) = await _codes.CheckAsync(clientId, code, cancellationToken).ConfigureAwait(false);
            if (status != CodeStatus.Valid || found is null || !await _codes.UseAsync(clientId, code, cancellationToken).ConfigureAwait(false))
            {
                var problem = status == CodeStatus.Valid ? CodeStatus.Used : status;
                await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ClinicStrings.CodeProblemNothingShared, ("problem", ClinicStrings.CodeProblem(_strings, problem)))), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            await _links.LinkAsync(clientId, DisplayNames.Clean(activity.From?.Name, _strings[ClinicStrings.UnnamedClient]), found.Value, consent, cancellationToken).ConfigureAwait(false);
            await _clients.EnsureAsync(clientId, TimeZones.Of(step.Context).Id, cancellationToken).ConfigureAwait(false);

            // Lets the clinic's middleware skip its reads on the turns of everyone who is not a client.
            if (step.Context.TurnState.Get<UserProfile>() is { } profile)
            {
                profile.ClinicClient = true;
            }
            reply = _strings.Text(ClinicStrings.Connected, ("clinician", request.ClinicianName), ("sharing", ClinicStrings.SharingOf(_strings, consent)));
        }
        else
        {
            reply = await _links.SetConsentAsync(clientId, request.ClinicianId, consent, cancellationToken).ConfigureAwait(false) is null
                ? _strings[ClinicStrings.NoLongerConnected]
                : _strings.Text(ClinicStrings.SharingUpdated, ("clinician", request.ClinicianName), ("sharing", ClinicStrings.SharingOf(_strings, consent)));
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
