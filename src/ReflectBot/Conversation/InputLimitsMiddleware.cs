using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Conversation;

/// <summary>
/// Turns away messages too long to be a journal answer before any dialog sees them, with a plain reason,
/// so a pasted novel neither lands in state nor breaks a prompt. Registered after the safety screen.
/// </summary>
public sealed class InputLimitsMiddleware : IMiddleware
{
    public const int MaxMessageChars = 8_000;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type == ActivityTypes.Message && turnContext.Activity.Text?.Length > MaxMessageChars)
        {
            await turnContext.SendActivityAsync(
                MessageFactory.Text($"That message is longer than I can take in one go (up to {MaxMessageChars:N0} characters). Could you send it in shorter parts? Nothing was lost from your journey."),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
