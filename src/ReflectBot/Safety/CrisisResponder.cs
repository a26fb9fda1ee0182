using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using ReflectBot.Conversation;
using ReflectBot.Journal;

namespace ReflectBot.Safety;

/// <summary>
/// The crisis reply and its safety event, for whoever meets crisis language: the safety screen, or a
/// feature that asked the question itself (the clinic's PHQ-9 item 9). Empathy, the user's safety plan
/// first when there is one, the crisis card for their region, a grounding exercise and a way back; then
/// a content-free safety event. Storage is best effort: the card depends on nothing but content in memory.
/// </summary>
public sealed class CrisisResponder(
    SafetyContent content,
    SafetyPlanStore plans,
    SafetyEventStore events,
    IStorage storage,
    TimeProvider time,
    IOptions<SafetyOptions> options,
    ILogger<CrisisResponder> logger)
{
    public async Task RespondAsync(ITurnContext turnContext, RiskClass risk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var userId = UserKeys.Of(activity);
        var (profile, plan) = await ReadWhatHelpsAsync(turnContext, userId, cancellationToken).ConfigureAwait(false);
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

    private async Task<(UserProfile? Profile, JournalEntry? Plan)> ReadWhatHelpsAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.StorageWait);
        // Inside the bot's turn the profile is already loaded; the screen runs before that and reads it.
        var profile = turnContext.TurnState.Get<UserProfile>();
        JournalEntry? plan = null;
        try
        {
            if (profile is null)
            {
            // Read directly, not through UserState: nothing of this turn's state cache is touched or saved.
                var key = $"{activity.ChannelId}/users/{activity.From?.Id}";
                var stored = await storage.ReadAsync([key], wait.Token).ConfigureAwait(false);
                if (stored.TryGetValue(key, out var raw) && raw is IDictionary<string, object> state && state.TryGetValue("profile", out var value))
                {
                    profile = JToken.FromObject(value).ToObject<UserProfile>();
                }
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
}
