using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;

namespace ReflectBot.Clinic;

/// <summary>
/// Asks when, and reads the answer in the client's time zone (not the clinician's) into a
/// <see cref="Recurrence"/>; asks again, up to three times, when it cannot read it. Ends with the
/// recurrence, or null after three tries.
/// </summary>
public sealed class ScheduleDialog : ComponentDialog
{
    public const string DialogId = "clinic-schedule";
    private const string LoopId = "loop";
    private const string TextId = "text";
    private const int MaxTries = 3;

    private readonly TimeProvider _time;
    private readonly StringCatalog _strings;

    public ScheduleDialog(TimeProvider time, StringCatalog strings)
        : base(DialogId)
    {
        _time = time;
        _strings = strings;
        AddDialog(new WaterfallDialog(LoopId).AddStep(AskAsync).AddStep(ReadAsync));
        var wording = PromptStrings.Wording(strings);
        AddDialog(new TextPrompt(TextId, wording));
    }

    /// <summary>Options: the client's zone, and which try this is.</summary>
    public sealed class Request
    {
        [JsonProperty("zone")]
        public string TimeZoneId { get; set; } = "UTC";

        /// <summary>The client's name; empty says "your client".</summary>
        [JsonProperty("clientName")]
        public string ClientName { get; set; } = string.Empty;

        [JsonProperty("try")]
        public int Try { get; set; } = 1;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        var prompt = request.Try == 1
            ? _strings.Text(ClinicStrings.WhenQuestion, ("client", request.ClientName.Length > 0 ? request.ClientName : _strings[ClinicStrings.YourClient]), ("zone", request.TimeZoneId))
            : _strings[ClinicStrings.WhenRetry];
        return await step.PromptAsync(TextId, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ReadAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        var recurrence = ScheduleParser.Parse(step.Result as string, TimeZones.Find(request.TimeZoneId), _time.GetUtcNow());
        if (recurrence?.Next(_time.GetUtcNow()) is not null)
        {
            return await step.EndDialogAsync(JObject.FromObject(recurrence), cancellationToken).ConfigureAwait(false);
        }

        if (request.Try >= MaxTries)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_strings[ClinicStrings.WhenGiveUp]), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        request.Try++;
        return await step.ReplaceDialogAsync(LoopId, request, cancellationToken).ConfigureAwait(false);
    }
}
