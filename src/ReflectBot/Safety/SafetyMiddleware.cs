using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Safety;

/// <summary>
/// Screens every message before anything else runs (onboarding, commands, the journey in progress). On
/// crisis language it answers with empathy, the user's safety plan, the crisis card, a grounding exercise
/// and a way back, and stops the turn there: the bot never sees the message, so a journey in progress is
/// paused where it was, not fed the message as an answer. The crisis card depends on nothing but content
/// in memory; the plan, the region and the event are best effort when storage fails.
/// </summary>
public sealed class SafetyMiddleware(
    SafetyContent content,
    SafetyPlanStore plans,
    SafetyEventStore events,
    IStorage storage,
    TimeProvider time,
    IOptions<SafetyOptions> options,
    ILogger<SafetyMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var risk = content.Screen.Screen(TextOf(activity));
        if (risk == RiskClass.None)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        SafetyLog.CrisisDetected(logger, RiskClasses.IdOf(risk));
        var userId = UserKeys.Of(activity);
        var (profile, plan) = await ReadWhatHelpsAsync(activity, userId, cancellationToken).ConfigureAwait(false);
        var region = RegionResolver.Resolve(content.Resources, activity, profile?.Region, profile?.TimeZone);
        var (replies, offered) = CrisisReply.Build(risk, content.Resources, region, plan);
        await turnContext.SendActivitiesAsync([.. replies], cancellationToken).ConfigureAwait(false);

        try
        {
            await events.RecordAsync(new SafetyEvent
            {
                Id = Guid.NewGuid().ToString("N"),
                TimeUtc = time.GetUtcNow(),
                UserId = userId,
                Class = RiskClasses.IdOf(risk),
                Offered = offered,
                Channel = activity.ChannelId,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SafetyLog.EventNotRecorded(logger, ex.GetType().Name);
        }
    }

    private async Task<(UserProfile? Profile, JournalEntry? Plan)> ReadWhatHelpsAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.StorageWait);
        UserProfile? profile = null;
        JournalEntry? plan = null;
        try
        {
            // Read directly, not through UserState: nothing of this turn's state cache is touched or saved.
            var key = $"{activity.ChannelId}/users/{activity.From?.Id}";
            var stored = await storage.ReadAsync([key], wait.Token).ConfigureAwait(false);
            if (stored.TryGetValue(key, out var raw) && raw is IDictionary<string, object> state && state.TryGetValue("profile", out var value))
            {
                profile = JToken.FromObject(value).ToObject<UserProfile>();
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.StorageFailedDuringCrisis(logger, "profile", ex.GetType().Name);
        }

        try
        {
            plan = await plans.GetAsync(userId, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.StorageFailedDuringCrisis(logger, "safety plan", ex.GetType().Name);
        }

        return (profile, plan);
    }

    private static string? TextOf(Activity activity)
    {
        var message = activity.AsMessageActivity();
        if (!string.IsNullOrWhiteSpace(message?.Text))
        {
            return message.Text;
        }

        return message?.Value is JObject value ? value.Value<string>("text") : null;
    }
}
