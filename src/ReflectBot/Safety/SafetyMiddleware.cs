using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Safety;

/// <summary>
/// Screens every message before anything reads or writes storage and before the bot sees it (onboarding, commands,
/// the journey in progress; only the identity and channel steps come first, see Hosting/TurnPipeline), with
/// the lexicon and, on free text, the model (<see cref="SafetyScreen"/>), and answers what it reads:
/// <list type="bullet">
/// <item>the buttons of "Are you safe right now?": answered here, from content alone, with no stored state;</item>
/// <item>clear risk: the full reply for its class (or the short one when it repeats), and the turn stops
/// there: the bot never sees the message, so a journey in progress is paused where it was. In a safety-plan
/// answer (not an attempt) the answer is kept as part of the plan with a gentle check instead;</item>
/// <item>possible risk: a short, gentle check naming the lines; a journey in progress carries on, and with nothing in
/// progress a request the bot knows (a command's words) is still answered after it;</item>
/// <item>a past experience: a validating acknowledgement; a journey in progress carries on.</item>
/// </list>
/// The reply never waits on storage beyond <see cref="SafetyOptions.StorageWait"/> and goes out when storage is down.
/// </summary>
public sealed class SafetyMiddleware(SafetyContent content, SafetyScreen screen, SafetyTurnState state, CrisisResponder responder, RouteTable routes, TimeProvider time, ILogger<SafetyMiddleware> logger) : IMiddleware
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

        var text = TextOf(activity);
        if (IsCheckButton(activity, text) is { } safe)
        {
            var snapshot = await state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await responder.AnswerCheckAsync(turnContext, safe, snapshot?.Profile, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (snapshot is { Memory.CheckAskedUtc: not null })
            {
                snapshot.Memory.CheckAskedUtc = null;
                await state.SaveAsync(turnContext, snapshot.Memory, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var result = await screen.ScreenAsync(text, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(result);
        if (result.Level == RiskLevel.None)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = await state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Round ten's closeness rule: only the bot's state says which question this message answers, so it is
        // applied once that is read (with storage down nothing is known, and a full reply stays a full reply).
        var answered = screen.ForAnswer(result, context?.OpenQuestion);
        if (!ReferenceEquals(answered, result))
        {
            result = answered;
            turnContext.TurnState.Set(result);
        }

        SafetyLog.CrisisDetected(logger, result.Level.ToString(), RiskClasses.IdOf(result.Class), result.Layer);
        if (context is { WritingSafetyPlan: true } && result.Class != RiskClass.Attempt)
        {
            await responder.PlanCheckAsync(turnContext, result, context, cancellationToken).ConfigureAwait(false);
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        // A typed answer to "Are you safe right now?" can itself read as possible risk ("im ok. no actually, im not
        // safe"): a not-safe answer in it wins over the gentle check, and the emergency number comes first, as after the
        // button. A "safe" in such a message is not taken ("i'm fine. i just want to sleep"): the gentle check stays.
        if (result.Level == RiskLevel.Possible && context is { Memory.CheckAskedUtc: { } asked }
            && time.GetUtcNow() - asked <= SafetyMemory.CheckValidFor && content.Replies.CheckAnswerInClauses(text) == false)
        {
            await responder.AnswerCheckAsync(turnContext, false, context.Profile, cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Memory.CheckAskedUtc = null;
            await state.SaveAsync(turnContext, context.Memory, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (result.Level)
        {
            case RiskLevel.Clear:
                await responder.RespondAsync(turnContext, result, context, text, cancellationToken).ConfigureAwait(false);
                return;
            case RiskLevel.Possible:
                await responder.PossibleAsync(turnContext, result, context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await responder.PastAsync(turnContext, result, context, offerWays: context is { DialogActive: false }, cancellationToken).ConfigureAwait(false);
                break;
        }

        // Possible risk and a past experience leave the journey to carry on with the message as its answer. With nothing
        // in progress the reply is the whole answer, unless the message is also a request the bot knows ("where did it
        // go? i dont see a file" is the export): the gentle check comes first and the request is still answered, so a
        // check on a harmless message costs the person a sentence, not what they asked for.
        if (context is not { DialogActive: false } || (text is not null && routes.Claiming(text).Any()))
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The words of the two buttons of the check: safe (true), not safe (false), else null.</summary>
    private bool? IsCheckButton(Activity activity, string? text)
    {
        var replies = content.Replies;
        if (activity.Value is JObject value && value.Value<string>("safetyCheck") is { } posted)
        {
            return posted == "safe" ? true : posted == "unsafe" ? false : null;
        }

        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim().TrimEnd('.', '!');
        return string.Equals(trimmed, replies.SafeButton, StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(trimmed, replies.UnsafeButton, StringComparison.OrdinalIgnoreCase) ? false
            : null;
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
