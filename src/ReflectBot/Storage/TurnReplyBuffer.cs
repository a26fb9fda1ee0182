using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Storage;

/// <summary>
/// Holds back what the bot sends during a turn until its state is saved, so that a run whose save
/// fails (a lost ETag race, storage away) has said nothing: its replies are dropped, the turn can run
/// again, and the user never sees an answer whose state was not kept. Activities sent before the bot
/// runs (middleware such as the safety screen's crisis card) are not held.
/// </summary>
public sealed class TurnReplyBuffer
{
    private readonly List<Func<Task<ResourceResponse[]>>> _held = [];
    private bool _holding;

    public int HeldCount => _held.Count;

    /// <summary>Starts holding (again), dropping anything held before.</summary>
    public void Hold()
    {
        _held.Clear();
        _holding = true;
    }

    /// <summary>Drops what is held and lets later sends through.</summary>
    public void Discard()
    {
        _held.Clear();
        _holding = false;
    }

    /// <summary>Sends what is held, in order, through the rest of the send pipeline.</summary>
    public async Task ReleaseAsync()
    {
        _holding = false;
        var held = _held.ToArray();
        _held.Clear();
        foreach (var send in held)
        {
            await send().ConfigureAwait(false);
        }
    }

    /// <summary>The turn's send handler: register once per turn with <see cref="ITurnContext.OnSendActivities"/>.</summary>
    public Task<ResourceResponse[]> OnSendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(next);
        if (!_holding)
        {
            return next();
        }

        // The pipeline's continuation is kept and called on release, so the activities go on exactly as
        // they would have (expectReplies buffering, connector calls), only later.
        _held.Add(next);
        return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? string.Empty)).ToArray());
    }
}
