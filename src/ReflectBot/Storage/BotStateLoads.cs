using Microsoft.Bot.Builder;

namespace ReflectBot.Storage;

/// <summary>
/// Loads several states with their reads in flight together, safely. BotState writes its cache into
/// TurnState (a plain Dictionary) when its read returns, so two loads on one context can land on two
/// threads at once and corrupt it (seen under load as an InvalidOperationException and a lost turn, and
/// in the crisis path, where the screen loads the turn's state itself). Each load runs on a turn context
/// of its own and the cached states are copied in afterwards, one by one, on one thread.
/// </summary>
public static class BotStateLoads
{
    public static async Task LoadTogetherAsync(ITurnContext turnContext, IReadOnlyList<BotState> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(states);
        var contexts = states.Select(_ => new TurnContext(turnContext.Adapter, turnContext.Activity)).ToArray();
        try
        {
            await Task.WhenAll(states.Select((state, i) => state.LoadAsync(contexts[i], force: true, cancellationToken))).ConfigureAwait(false);
            foreach (var context in contexts)
            {
                foreach (var (key, value) in context.TurnState)
                {
                    turnContext.TurnState[key] = value;
                }
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                context.Dispose();
            }
        }
    }
}
