using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;

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

    public ScheduleDialog(TimeProvider time)
        : base(DialogId)
    {
        _time = time;
        AddDialog(new WaterfallDialog(LoopId).AddStep(AskAsync).AddStep(ReadAsync));
        AddDialog(new TextPrompt(TextId));
    }

    /// <summary>Options: the client's zone, and which try this is.</summary>
    public sealed class Request
    {
        [JsonProperty("zone")]
        public string TimeZoneId { get; set; } = "UTC";

        [JsonProperty("clientName")]
        public string ClientName { get; set; } = "your client";

        [JsonProperty("try")]
        public int Try { get; set; } = 1;
    }

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<Request>() ?? new Request();
        var prompt = request.Try == 1
            ? $"When? In {request.ClientName}'s time ({request.TimeZoneId}), for example \"every Monday and Thursday at 7pm until 20 December\", \"tomorrow morning\" or \"daily at 9 for two weeks\"."
            : "I couldn't read that as a schedule. Try a day and a time, like \"every Tuesday at 6pm for 4 weeks\" or \"next Friday at 5pm\".";
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
            await step.Context.SendActivityAsync(MessageFactory.Text("Let's leave the schedule for now; type \"assign\" to start again."), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        request.Try++;
        return await step.ReplaceDialogAsync(LoopId, request, cancellationToken).ConfigureAwait(false);
    }
}
