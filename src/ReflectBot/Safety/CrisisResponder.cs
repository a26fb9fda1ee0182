using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// Every safety reply and what follows it: the full reply to clear risk (or the short one when it repeats),
/// the answers to "Are you safe right now?", the gentle check for possible risk, the acknowledgement of a
/// past experience, and the note on a safety-plan answer. The words go out first, from content in memory;
/// then, best effort and bounded, the bookkeeping: the conversation's safety memory, the triggering message
/// kept as a private "safety moment" journal entry (with journal consent), a content-free safety event, and
/// the clinician's note where both agreed to it.
/// </summary>
public sealed class CrisisResponder(
    SafetyContent content,
    StringCatalog strings,
    SafetyPlanStore plans,
    SafetyEventStore events,
    SafetyTurnState state,
    IJournalStore journal,
    IEnumerable<ISafetyNotifier> notifiers,
    TimeProvider time,
    IOptions<SafetyOptions> options,
    ILogger<CrisisResponder> logger)
{
    public const string MomentJourneyId = "safety-moment";

    private SafetyReplies Replies => content.Replies;

    /// <summary>The reply to clear risk, when the screen read it (before the bot's state was loaded).</summary>
    public async Task RespondAsync(ITurnContext turnContext, ScreenResult result, SafetySnapshot? snapshot, string? message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        var userId = UserKeys.Of(turnContext.Activity);
        var region = Region(turnContext, snapshot?.Profile);
        var memory = snapshot?.Memory ?? new SafetyMemory();
        var repeated = memory.Replies > 0 && memory.LastUtc is { } last && now - last < options.Value.RepeatWindow && result.Class != RiskClass.Attempt;
        var offered = new List<string>();

        if (repeated)
        {
            await turnContext.SendActivityAsync(CrisisReply.Repeat(result.Class, memory.Replies, Replies, strings, content.Resources, region), cancellationToken).ConfigureAwait(false);
            offered.Add("repeat");
        }
        else
        {
            var recipient = await RecipientAsync(userId, snapshot?.Profile, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivitiesAsync([.. CrisisReply.Full(result.Class, Replies, strings, content.Resources, region, recipient)], cancellationToken).ConfigureAwait(false);
            offered.Add(result.Class == RiskClass.Attempt ? "emergency-first" : "empathy");
            offered.Add(region is null ? "directory" : $"resources:{region.Id}");
        }

        var kept = message is not null && snapshot?.Profile?.JournalConsent == true && await KeepMomentAsync(turnContext, userId, message, snapshot.Profile, now, cancellationToken).ConfigureAwait(false);
        if (kept)
        {
            offered.Add("safety-moment");
        }

        await turnContext.SendActivityAsync(CrisisReply.Check(Replies, kept ? Replies.MomentSaved : null), cancellationToken).ConfigureAwait(false);
        offered.Add("check");

        if (snapshot is not null)
        {
            memory.Replies++;
            memory.LastUtc = now;
            memory.CheckAskedUtc = now;
            memory.HoldDialogId = snapshot.ActiveDialogId;
            await state.SaveAsync(turnContext, memory, cancellationToken).ConfigureAwait(false);
        }

        if (!repeated && await NotifyAsync(userId, snapshot?.Profile, now, cancellationToken).ConfigureAwait(false))
        {
            offered.Add("clinician-note");
        }

        await RecordAsync(turnContext, userId, result.Class, offered, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The reply to clear risk from inside the bot's turn (a feature asked the question itself: PHQ-9 item 9).
    /// The turn's state is already loaded and is saved with the turn.
    /// </summary>
    public async Task RespondInTurnAsync(ITurnContext turnContext, RiskClass risk, bool unsafeNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var now = time.GetUtcNow();
        var userId = UserKeys.Of(turnContext.Activity);
        var profile = turnContext.TurnState.Get<UserProfile>();
        var region = Region(turnContext, profile);
        var offered = new List<string>();
        if (unsafeNow)
        {
            await turnContext.SendActivitiesAsync([.. CrisisReply.Unsafe(Replies, strings, content.Resources, region)], cancellationToken).ConfigureAwait(false);
            offered.Add("emergency-first");
        }
        else
        {
            var recipient = await RecipientAsync(userId, profile, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivitiesAsync([.. CrisisReply.Full(risk, Replies, strings, content.Resources, region, recipient)], cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(CrisisReply.Check(Replies), cancellationToken).ConfigureAwait(false);
            var memory = await state.InTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            memory.Replies++;
            memory.LastUtc = now;
            memory.CheckAskedUtc = now;
            await state.SetInTurnAsync(turnContext, memory, cancellationToken).ConfigureAwait(false);
            offered.Add("check");
        }

        offered.Add(region is null ? "directory" : $"resources:{region.Id}");
        if (await NotifyAsync(userId, profile, now, cancellationToken).ConfigureAwait(false))
        {
            offered.Add("clinician-note");
        }

        await RecordAsync(turnContext, userId, risk, offered, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to "Are you safe right now?": not safe, the emergency number and grounding; safe, the plan and the
    /// lines; safe and "you read me wrong", an apology, the lines and the way back (no plan, no breathing lesson).
    /// </summary>
    public async Task AnswerCheckAsync(ITurnContext turnContext, bool safe, UserProfile? profile, bool misread = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var region = Region(turnContext, profile);
        if (!safe)
        {
            await turnContext.SendActivitiesAsync([.. CrisisReply.Unsafe(Replies, strings, content.Resources, region)], cancellationToken).ConfigureAwait(false);
            await RecordAsync(turnContext, UserKeys.Of(turnContext.Activity), RiskClass.Suicidal, ["not-safe", "emergency-first"], time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (misread)
        {
            await turnContext.SendActivitiesAsync([.. CrisisReply.Misread(Replies, strings, content.Resources, region)], cancellationToken).ConfigureAwait(false);
            return;
        }

        var plan = await PlanAsync(UserKeys.Of(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivitiesAsync([.. CrisisReply.Safe(Replies, strings, content.Resources, region, plan)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A message nothing else took (<see cref="StayCloseCommand"/>), within <see cref="SafetyMemory.StayCloseFor"/> of a
    /// crisis reply: while the journey is held, the steady reply and that it is paused (later, only that, with the
    /// lines); with nothing held, the steady reply once. True when it answered.
    /// </summary>
    public async Task<bool> StayCloseAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memory = await state.PeekInTurnAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (memory is null || !memory.StaysClose(now))
        {
            return false;
        }

        var held = memory.Holds(turn.Dialogs.ActiveDialog?.Id, now);
        var first = memory.StayCloseUtc is not { } said || said < memory.LastUtc;
        if (!held && !first)
        {
            return false;
        }

        memory.StayCloseUtc = now;
        await state.SetInTurnAsync(turn.Context, memory, cancellationToken).ConfigureAwait(false);
        await turn.Context.SendActivityAsync(CrisisReply.StayClose(Replies, strings, content.Resources, Region(turn.Context, turn.Profile), held, first), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"crisis lines", "i need to talk to someone": the lines for the region, any time (and while held, the way back).</summary>
    public async Task LinesAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var region = Region(turn.Context, turn.Profile);
        await turn.Context.SendActivitiesAsync(
            [MessageFactory.Text(CrisisReply.Fill(Replies.LinesNow, strings, content.Resources, region, RiskClass.Suicidal)), CrisisReply.Card(RiskClass.Suicidal, Replies, strings, content.Resources, region)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a crisis reply came within <see cref="SafetyMemory.StayCloseFor"/> (this turn's state is loaded).</summary>
    public async Task<bool> RecentAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memory = await state.PeekInTurnAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        return memory?.StaysClose(time.GetUtcNow()) == true;
    }

    /// <summary>Possible risk: a short, gentle check that still names the lines, with the two answers as buttons.</summary>
    public async Task PossibleAsync(ITurnContext turnContext, ScreenResult result, SafetySnapshot? snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        var region = Region(turnContext, snapshot?.Profile);
        var text = CrisisReply.Fill(Replies.Possible, strings, content.Resources, region, result.Class);
        await turnContext.SendActivityAsync(Suggestions.Of([Replies.SafeButton, Replies.UnsafeButton], text), cancellationToken).ConfigureAwait(false);
        await RecordAsync(turnContext, UserKeys.Of(turnContext.Activity), result.Class, ["possible-check"], time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A past experience: a validating acknowledgement with the lines, no emergency, no event.</summary>
    public Task PastAsync(ITurnContext turnContext, ScreenResult result, SafetySnapshot? snapshot, bool offerWays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        var region = Region(turnContext, snapshot?.Profile);
        var text = CrisisReply.Fill(Replies.PastFor(result.Class), strings, content.Resources, region, result.Class);
        // The buttons are commands the router matches, so their words stay with the commands.
        var activity = offerWays ? Suggestions.Of(["free write", "menu"], text) : MessageFactory.Text(text);
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>Risk language in a safety-plan answer: kept as part of the plan, with a gentle check instead of an interruption.</summary>
    public Task PlanCheckAsync(ITurnContext turnContext, ScreenResult result, SafetySnapshot? snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        var region = Region(turnContext, snapshot?.Profile);
        return turnContext.SendActivityAsync(MessageFactory.Text(CrisisReply.Fill(Replies.PlanCheck, strings, content.Resources, region, result.Class)), cancellationToken);
    }

    private CrisisRegion? Region(ITurnContext turnContext, UserProfile? profile)
        => RegionResolver.Resolve(content.Resources, turnContext.Activity, profile?.Region, profile?.TimeZone);

    private async Task<string?> RecipientAsync(string userId, UserProfile? profile, CancellationToken cancellationToken)
    {
        if (profile is not { ClinicClient: true })
        {
            return null;
        }

        foreach (var notifier in notifiers)
        {
            try
            {
                using var wait = Bounded(cancellationToken);
                if (await notifier.RecipientAsync(userId, wait.Token).ConfigureAwait(false) is { } name)
                {
                    return name;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                SafetyLog.StorageFailedDuringCrisis(logger, "clinician link", ex.GetType().Name);
            }
        }

        return null;
    }

    private async Task<bool> NotifyAsync(string userId, UserProfile? profile, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (profile is not { ClinicClient: true })
        {
            return false;
        }

        var sent = false;
        foreach (var notifier in notifiers)
        {
            try
            {
                using var wait = Bounded(cancellationToken);
                if (await notifier.RecipientAsync(userId, wait.Token).ConfigureAwait(false) is not null)
                {
                    // The storage bound is for deciding; the note itself goes through the clinician's channel, which
                    // can be slower (throttling, retries) than a storage read. Cut off by that bound, the proactive
                    // turn failed half-way and the clinician got the turn's apology instead of the note. The crisis
                    // reply has already gone out, so waiting here delays nobody's help.
                    await notifier.NotifyAsync(userId, at, cancellationToken).ConfigureAwait(false);
                    sent = true;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                SafetyLog.NoteNotSent(logger, ex.GetType().Name);
            }
        }

        return sent;
    }

    private async Task<bool> KeepMomentAsync(ITurnContext turnContext, string userId, string message, UserProfile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var entry = new JournalEntry
        {
            Id = JournalEntryIds.From(userId, activity.Conversation?.Id, activity.Id + ":" + MomentJourneyId),
            UserId = userId,
            JourneyId = MomentJourneyId,
            JourneyTitle = strings[SafetyStrings.MomentTitle],
            Answers = new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = message.Length > InputLimitsMiddleware.MaxMessageChars ? message[..InputLimitsMiddleware.MaxMessageChars] : message },
            Tags = [MomentJourneyId],
            CreatedUtc = now,
            TimeZone = profile.TimeZone ?? "UTC",
        };
        try
        {
            using var wait = Bounded(cancellationToken);
            await journal.AddAsync(entry, wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.BookkeepingFailed(logger, "safety moment", ex.GetType().Name);
            return false;
        }
    }

    private async Task<JournalEntry?> PlanAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var wait = Bounded(cancellationToken);
            return await plans.GetAsync(userId, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.StorageFailedDuringCrisis(logger, "safety plan", ex.GetType().Name);
            return null;
        }
    }

    private async Task RecordAsync(ITurnContext turnContext, string userId, RiskClass risk, List<string> offered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Counted before the event is stored, so a storage fault cannot hide a crisis reply from the dashboard.
        ReflectBotTelemetry.CrisisReplies.Add(
            1,
            new KeyValuePair<string, object?>("risk.class", RiskClasses.IdOf(risk)),
            new KeyValuePair<string, object?>("reply", offered.Count > 0 ? offered[0] : "none"));
        turnContext.TurnState[ReflectBotTelemetry.RouteKey] = "Crisis:" + RiskClasses.IdOf(risk);
        try
        {
            using var wait = Bounded(cancellationToken);
            await events.RecordAsync(new SafetyEvent
            {
                Id = Guid.NewGuid().ToString("N"),
                TimeUtc = now,
                UserId = userId,
                Class = RiskClasses.IdOf(risk),
                Offered = offered,
                Channel = turnContext.Activity.ChannelId,
            }, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.EventNotRecorded(logger, ex.GetType().Name);
        }
    }

    private CancellationTokenSource Bounded(CancellationToken cancellationToken)
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.StorageWait);
        return wait;
    }
}
