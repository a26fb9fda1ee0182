using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ReflectBot.Kernel;

namespace ReflectBot.Storage;

/// <summary>
/// Runs the bot's turn between one load and one save of its state, so that no answer goes out unless
/// the state behind it was kept:
/// <list type="number">
/// <item>conversation and user state are read together: one read of the user's document, which holds both
/// (<see cref="FoldedStateStorage"/>), or, outside a folded scope, two concurrent reads;</item>
/// <item>the bot runs with its replies held (<see cref="TurnReplyBuffer"/>);</item>
/// <item>in a folded scope, both are written in one conditional write of the user's document if either
/// changed. A race lost only to the user's other conversations (neither the user part nor this conversation
/// changed) is written onto the fresh document by the scope without running the turn again
/// (<see cref="FoldedStateScope.CommitAsync"/>); any other lost race re-runs the turn as below. Outside one:</item>
/// <item>conversation state is written if it changed, with the ETag it was read with. If another turn
/// wrote first (the same user on two devices, or two instances), nothing was written: the held replies
/// are dropped, state is read again and the turn runs again after a short random pause, up to five runs.
/// Losing every time, the
/// user is told plainly to send the message again;</item>
/// <item>user state is written if it changed, also conditionally; it is shared by all of a user's
/// conversations, so a lost race there is merged property by property (this turn's changed properties
/// over the fresh copy) instead of re-running a turn whose conversation state is already saved;</item>
/// <item>only then are the replies sent.</item>
/// </list>
/// Storage that does not answer (<see cref="StorageUnavailableException"/>) anywhere in the turn drops
/// the held replies and tells the user in one line; the turn ends normally, so the channel gets a 200
/// and does not retry in a loop. Side effects of a dropped run are idempotent by design where they
/// matter (journal entries are create-only, keyed by the activity).
/// </summary>
public sealed class StateSavingBot : IBot
{
    private const int MergeAttempts = 3;

    // A user's conversations share one document (FoldedStateStorage); a race lost only to another of them is merged
    // by the scope, so what re-runs a turn is its own conversation or the user's settings changing under it. A slow turn (one that
    // saves a journal entry) can lose to a quick one three times running under load (seen in the two-instance
    // test on shared cores), so up to five runs, with a growing random pause between them, before the user is
    // asked to send the message again.
    private const int TurnRuns = 5;

    private readonly IBot _inner;
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly IStorage _storage;
    private readonly StorageReplies _replies;
    private readonly ILogger<StateSavingBot> _logger;

    public StateSavingBot(IBot inner, ConversationState conversationState, UserState userState, IStorage storage, StorageReplies replies, ILogger<StateSavingBot> logger)
    {
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _conversationState = conversationState;
        _userState = userState;
        _storage = storage;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var replies = new TurnReplyBuffer();
        turnContext.OnSendActivities(replies.OnSendAsync);
        var phase = "load";
        for (var attempt = 1; ; attempt++)
        {
            replies.Hold();

            // Each run reads the user's document afresh and holds its writes to one at the end.
            var scope = FoldedStateStorage.Scope;
            scope?.Defer();
            try
            {
                phase = "load";
                if (scope is null)
                {
                    await BotStateLoads.LoadTogetherAsync(turnContext, [_conversationState, _userState], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // One document holds both: the second load is answered from the first one's read, so they
                    // run one after the other on the turn's own context (no copying between contexts).
                    await _conversationState.LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
                    await _userState.LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
                }

                await MarkNewStateCreateOnlyAsync(turnContext, cancellationToken).ConfigureAwait(false);

                // Only a separate user-state write can lose a race that is merged property by property; in a folded
                // scope the copy would be made on every turn for nothing (it holds the profile's list of conversations).
                var userBefore = scope is null ? Snapshot(_userState, turnContext) : null;

                phase = "turn";
                await _inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

                phase = "save";
                await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
                if (scope is null)
                {
                    await SaveUserStateAsync(turnContext, userBefore!, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Both states are in the user's one document: one conditional write. A lost race saved
                    // nothing, so the turn runs again like any conversation-state conflict.
                    await _userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
                    await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                await replies.ReleaseAsync().ConfigureAwait(false);
                return;
            }
            catch (ETagConflictException) when (attempt < TurnRuns)
            {
                replies.Discard();
                StorageLog.TurnConflict(_logger, attempt, "running the turn again on fresh state");
                ReflectBotTelemetry.TurnConflictRetries.Add(1, new KeyValuePair<string, object?>("state", "conversation"), new KeyValuePair<string, object?>("outcome", "rerun"));

                // Two turns that crossed and re-run at once tend to cross again (measured: two instances, one user's
                // two conversations, the saving turn lost three times in a row under load). A short random pause,
                // growing with each loss, lets one of them finish first. Real time, not the host's TimeProvider: a
                // test's fake clock that nobody advances must not hold a turn. A run that lost only because it started
                // from the process's copy of an older document (another instance answered the last turn) crossed
                // nobody: it runs again at once, from the document the loss just read.
                if (scope is { RanOnStaleCopy: true })
                {
                    continue;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (ETagConflictException)
            {
                replies.Discard();
                StorageLog.TurnConflict(_logger, attempt, "asked the user to send the message again");
                ReflectBotTelemetry.TurnConflictRetries.Add(1, new KeyValuePair<string, object?>("state", "conversation"), new KeyValuePair<string, object?>("outcome", "gave-up"));
                await turnContext.SendActivityAsync(_replies.Crossed, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageUnavailableException ex)
            {
                replies.Discard();
                StorageLog.TurnStorageUnavailable(_logger, phase, ex.GetType().Name, ex.InnerException?.GetType().Name ?? "-");
                await _replies.SendCouldNotSaveOnceAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch
            {
                // Any other failure: this run's state was not saved, so its replies go too, and the
                // adapter's error handler must be able to speak (a held apology would never be sent).
                replies.Discard();
                throw;
            }
        }
    }

    /// <summary>
    /// A state that was not found is written create-only, so two instances answering a new conversation's
    /// first messages at once cannot overwrite each other: the loser re-runs (conversation state) or merges
    /// (user state) on what the winner saved. (The ETag travels in the state's own dictionary, as the stores stamp it after a write.)
    /// </summary>
    private async Task MarkNewStateCreateOnlyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var state in new BotState[] { _conversationState, _userState })
        {
            var etag = state.CreateProperty<string>(StoreJson.ETagProperty);
            if (string.IsNullOrEmpty(await etag.GetAsync(turnContext, () => string.Empty, cancellationToken).ConfigureAwait(false)))
            {
                await etag.SetAsync(turnContext, StoreJson.CreateOnlyETag, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static JObject Snapshot(BotState state, ITurnContext turnContext)
        => state.Get(turnContext) is JObject json ? (JObject)json.DeepClone() : [];

    private async Task SaveUserStateAsync(ITurnContext turnContext, JObject before, CancellationToken cancellationToken)
    {
        try
        {
            await _userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (ETagConflictException)
        {
        }

        // Another conversation of the same user saved user state since we read it. Our conversation
        // state is already saved, so the turn cannot run again: apply what this turn changed, property
        // by property, to the fresh copy, conditionally, a few times.
        var after = Snapshot(_userState, turnContext);
        var changed = before.Properties().Select(p => p.Name).Union(after.Properties().Select(p => p.Name), StringComparer.Ordinal)
            .Where(name => name != StoreJson.ETagProperty && !JToken.DeepEquals(before[name], after[name]))
            .ToList();
        var key = StateKeys.User(turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
        for (var attempt = 1; attempt <= MergeAttempts; attempt++)
        {
            var read = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            var fresh = read.TryGetValue(key, out var value) && value is IDictionary<string, object> dictionary
                ? dictionary
                : new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var name in changed)
            {
                if (after[name] is { } token)
                {
                    fresh[name] = token;
                }
                else
                {
                    fresh.Remove(name);
                }
            }

            try
            {
                await _storage.WriteAsync(new Dictionary<string, object> { [key] = fresh }, cancellationToken).ConfigureAwait(false);
                StorageLog.UserStateMerged(_logger, attempt);
                ReflectBotTelemetry.TurnConflictRetries.Add(1, new KeyValuePair<string, object?>("state", "user"), new KeyValuePair<string, object?>("outcome", "merged"));
                return;
            }
            catch (ETagConflictException)
            {
                // Someone else again; read and merge once more.
            }
        }

        // Never re-run the turn from here (its conversation state is saved): keep the answer, lose
        // only this turn's user-state change, and say so in the log.
        StorageLog.UserStateMergeGaveUp(_logger, MergeAttempts);
    }
}
