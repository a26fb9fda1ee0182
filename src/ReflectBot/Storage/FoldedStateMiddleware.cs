using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Storage;

/// <summary>
/// Opens the turn's <see cref="FoldedStateStorage"/> scope before anything of the turn touches state (the safety
/// screen loads it itself when it reads risk), so that every load and save of the turn's user and conversation
/// state, wherever it happens in the pipeline, reads and writes the one document of the user.
/// </summary>
public sealed class FoldedStateMiddleware(FoldedStateStorage storage) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        using var scope = storage.Open(turnContext.Activity);
        await next(cancellationToken).ConfigureAwait(false);
    }
}
