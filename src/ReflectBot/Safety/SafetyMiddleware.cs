using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Safety;

/// <summary>
/// Screens every message before anything else runs (onboarding, commands, the journey in progress). On
/// crisis language it answers with empathy, the user's safety plan, the crisis card, a grounding exercise
/// and a way back, and stops the turn there: the bot never sees the message, so a journey in progress is
/// paused where it was, not fed the message as an answer. The crisis card depends on nothing but content
/// in memory; the plan, the region and the event are best effort when storage fails.
/// </summary>
public sealed class SafetyMiddleware(SafetyContent content, CrisisResponder responder, ILogger<SafetyMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var risk = content.Screen.Screen(TextOf(activity));
        if (risk == RiskClass.None)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        SafetyLog.CrisisDetected(logger, RiskClasses.IdOf(risk));
        await responder.RespondAsync(turnContext, risk, cancellationToken).ConfigureAwait(false);
    }

    private static string? TextOf(Activity activity)
    {
        var message = activity.AsMessageActivity();
        if (!string.IsNullOrWhiteSpace(message?.Text))
        {
            return message.Text;
        }

        return message?.Value is JObject value ? value.Value<string>("text") : null;
    }
}
