using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// A clinician's own reflection written step by step, where no card form can be shown (the terminal): the
/// title, then each question with how it is answered (and a choice's options), until "done" or the eighth.
/// Saving goes through <see cref="ReflectionTemplates.SaveAsync"/>, the same checks and screen as the form.
/// </summary>
public sealed class ReflectionWritingDialog : ComponentDialog, IDescribedDialog
{
    public const string DialogId = "clinic-reflection-write";

    private const string TitleId = "title";
    private const string QuestionId = "question";
    private const string OptionsId = "options";
    private const string KindId = "kind";
    private const string LoopId = "question-loop";
    private const string QuestionsKey = "questions";

    private readonly ReflectionTemplates _templates;
    private readonly StringCatalog _strings;

    public string Title => _strings[ReflectionStrings.FormTitle];

    public (int Question, int Of)? Progress(DialogInstance instance) => null;

    public ReflectionWritingDialog(ReflectionTemplates templates, StringCatalog strings)
        : base(DialogId)
    {
        _templates = templates;
        _strings = strings;
        AddDialog(new WaterfallDialog("waterfall").AddStep(AskTitleAsync).AddStep(QuestionsAsync).AddStep(SaveAsync));
        AddDialog(new WaterfallDialog(LoopId).AddStep(AskQuestionAsync).AddStep(AskKindAsync).AddStep(AskOptionsAsync).AddStep(AddAsync));
        var wording = PromptStrings.Wording(strings);
        AddDialog(new TextPrompt(TitleId, wording, (p, _) => Task.FromResult(p.Recognized.Value?.Length <= TemplateRules.MaxTitleChars)));
        AddDialog(new TextPrompt(QuestionId, wording, (p, _) => Task.FromResult(p.Recognized.Value?.Length <= TemplateRules.MaxQuestionChars)));
        AddDialog(new TextPrompt(OptionsId, wording, (p, _) =>
        {
            var options = TemplateRules.SplitChoices(p.Recognized.Value);
            return Task.FromResult(options.Count is >= TemplateRules.MinChoices and <= TemplateRules.MaxChoices && options.All(o => o.Length <= TemplateRules.MaxChoiceChars));
        }));
        AddDialog(new ChoicePrompt(KindId, wording));
    }

    /// <summary>Options: the reflection being changed (null for a new one).</summary>
    public sealed class Request
    {
        [JsonProperty("templateId", NullValueHandling = NullValueHandling.Ignore)]
        public string? TemplateId { get; set; }
    }

    private async Task<DialogTurnResult> AskTitleAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        if (request.TemplateId is not null
            && await _templates.FindAsync(UserKeys.Of(step.Context.Activity), request.TemplateId, cancellationToken).ConfigureAwait(false) is { } editing)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ReflectionStrings.Editing, ("title", editing.Title))), cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(TitleId, new PromptOptions
        {
            Prompt = _strings.Text(ReflectionStrings.AskTitle, ("max", TemplateRules.MaxTitleChars)),
            RetryPrompt = _strings.Text(ReflectionStrings.AskTitleRetry, ("max", TemplateRules.MaxTitleChars)),
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ReflectionStrings.WriteGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> QuestionsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string title)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.Values["title"] = title;
        return await step.BeginDialogAsync(LoopId, new JObject { [QuestionsKey] = new JArray() }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not JObject draft)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var request = step.GetOptions<Request>() ?? new Request();
        var questions = draft[QuestionsKey]?.ToObject<List<TemplateQuestion>>() ?? [];
        var (saved, problems) = await _templates.SaveAsync(UserKeys.Of(step.Context.Activity), request.TemplateId, step.Values.Value<string>("title"), questions, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(MessageFactory.Text(ReflectionCommands.Outcome(_strings, saved, problems, request.TemplateId is not null)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(saved?.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = Draft(step);
        step.Values["draft"] = draft;
        var count = ((JArray)draft[QuestionsKey]!).Count;
        if (count >= TemplateRules.MaxQuestions)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ReflectionStrings.LastQuestion, ("max", TemplateRules.MaxQuestions))), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(QuestionId, new PromptOptions
        {
            Prompt = count == 0 ? _strings[ReflectionStrings.AskFirstQuestion] : _strings.Text(ReflectionStrings.AskQuestion, ("number", count + 1)),
            RetryPrompt = _strings.Text(ReflectionStrings.AskQuestionRetry, ("max", TemplateRules.MaxQuestionChars)),
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ReflectionStrings.WriteGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskKindAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = (JObject)step.Values["draft"]!;
        var count = ((JArray)draft[QuestionsKey]!).Count;
        if (step.Result is not string question)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (JourneyCatalog.Normalize(question) is "done" or "finish" or "finished" or "that's all" or "thats all")
        {
            if (count > 0)
            {
                return await step.EndDialogAsync(draft, cancellationToken).ConfigureAwait(false);
            }

            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ReflectionStrings.NeedOneQuestion]), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(LoopId, draft, cancellationToken).ConfigureAwait(false);
        }

        step.Values["text"] = question;
        return await step.PromptAsync(KindId, new PromptOptions
        {
            Prompt = _strings[ReflectionStrings.AskKind],
            Choices = [.. Enum.GetValues<QuestionKind>().Select(k => new Choice(_strings[ReflectionStrings.Kind(k)]))],
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ReflectionStrings.WriteGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskOptionsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice kind)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var chosen = Enum.GetValues<QuestionKind>()[kind.Index];
        step.Values["kind"] = ReflectionForm.KindValue(chosen);
        if (chosen != QuestionKind.Choice)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var limits = new (string, object?)[] { ("min", TemplateRules.MinChoices), ("max", TemplateRules.MaxChoices), ("length", TemplateRules.MaxChoiceChars) };
        return await step.PromptAsync(OptionsId, new PromptOptions
        {
            Prompt = _strings.Text(ReflectionStrings.AskOptions, limits),
            RetryPrompt = _strings.Text(ReflectionStrings.AskOptionsRetry, limits),
            MaxAttempts = 3,
            TooManyAttemptsMessage = _strings[ReflectionStrings.WriteGiveUp],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AddAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var kind = step.Values.Value<string>("kind");
        var isChoice = kind == ReflectionForm.KindValue(QuestionKind.Choice);
        if (isChoice && step.Result is not string)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var draft = (JObject)step.Values["draft"]!;
        var question = new TemplateQuestion
        {
            Kind = Enum.GetValues<QuestionKind>().First(k => ReflectionForm.KindValue(k) == kind),
            Text = step.Values.Value<string>("text")!,
            Choices = isChoice ? TemplateRules.SplitChoices((string)step.Result!) : [],
        };
        ((JArray)draft[QuestionsKey]!).Add(JObject.FromObject(question));
        return await step.ReplaceDialogAsync(LoopId, draft, cancellationToken).ConfigureAwait(false);
    }

    private static JObject Draft(WaterfallStepContext step)
        => step.Options is JObject draft && draft[QuestionsKey] is JArray ? draft : new JObject { [QuestionsKey] = new JArray() };
}
