using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Safety.Evaluation;

/// <summary>
/// Runs messages through the bot's real middleware and bot in process, like the terminal chat, and hands
/// back what the safety screen decided and what the bot replied.
/// </summary>
public sealed class EvaluationAdapter : BotAdapter
{
    private readonly List<Activity> _sent = [];

    public EvaluationAdapter(IEnumerable<IMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    public async Task<(ScreenResult? Result, IReadOnlyList<Activity> Replies)> SendAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken = default)
    {
        _sent.Clear();
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot, cancellationToken).ConfigureAwait(false);
        return (context.TurnState.Get<ScreenResult>(), [.. _sent]);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _sent.AddRange(activities);
        return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => Task.FromResult(new ResourceResponse(activity?.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
