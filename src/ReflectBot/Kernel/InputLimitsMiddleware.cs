using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Kernel;

/// <summary>
/// Turns away messages too long to be a journal answer before any dialog sees them, with a plain reason,
/// so a pasted novel neither lands in state nor breaks a prompt: the text, every text in the value (a card's
/// "text" stands in for typed words) and the sender's name (<see cref="InputLimits"/>). It runs after the
/// safety screen (Hosting/TurnPipeline), so a long message that says someone is in danger still gets the crisis reply.
/// </summary>
public sealed class InputLimitsMiddleware(InputLimitReply reply) : IMiddleware
{
    public const int MaxMessageChars = InputLimits.MaxMessageChars;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type == ActivityTypes.Message && InputLimits.Exceeded(turnContext.Activity))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(reply.Text), cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
