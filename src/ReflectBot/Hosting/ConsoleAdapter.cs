using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Hosting;

/// <summary>
/// A Bot Framework adapter for the terminal: runs the same middleware and bot as the web host, and prints
/// replies as text (suggested actions and card buttons become a numbered list you can answer with the number).
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    private readonly TextWriter _output;
    private readonly List<ConsoleChoice> _choices = [];

    public ConsoleAdapter(TextWriter output, TurnPipeline pipeline, ILogger logger)
    {
        _output = output;
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var item in pipeline.Middleware)
        {
            Use(item);
        }

        OnTurnError = (turnContext, exception) => pipeline.Errors.HandleAsync(turnContext, exception, logger);
    }

    /// <summary>
    /// The numbered buttons of the last reply that had any, in the turn just answered: what a typed number picks.
    /// Empty when that turn's replies had none, so a number answers the question as typed.
    /// </summary>
    public IReadOnlyList<ConsoleChoice> Choices => _choices;

    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        _choices.Clear();
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Message)
            {
                var choices = new List<ConsoleChoice>();
                await _output.WriteLineAsync(ConsoleRendering.Render(activity, choices)).ConfigureAwait(false);
                if (choices.Count > 0)
                {
                    _choices.Clear();
                    _choices.AddRange(choices);
                }
            }
            else if (activity.Type == ActivityTypes.Delay && activity.Value is int delay)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            responses[i] = new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N"));
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => Task.FromResult(new ResourceResponse(activity?.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
