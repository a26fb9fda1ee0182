using System.Diagnostics;
using Microsoft.Bot.Builder;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Hosting;

/// <summary>
/// The turn's span and its duration metric, around everything else the turn does. Tags say what kind of turn it
/// was (the activity's type and the route that took it, or "crisis"), on which channel; nothing about who sent it
/// or what it said.
/// </summary>
public sealed class TurnTelemetryMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        using var span = ReflectBotTelemetry.Source.StartActivity("turn", ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            outcome = "error";
            span?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            var kind = KindOf(turnContext.Activity?.Type);
            var route = turnContext.TurnState.Get<string>(ReflectBotTelemetry.RouteKey) ?? "none";
            var channel = ChannelOf(turnContext.Activity?.ChannelId);
            span?.SetTag("turn.kind", kind);
            span?.SetTag("turn.route", route);
            span?.SetTag("turn.channel", channel);
            span?.SetTag("turn.outcome", outcome);
            if (ReflectBotTelemetry.TurnDuration.Enabled)
            {
                ReflectBotTelemetry.TurnDuration.Record(
                    Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>("turn.kind", kind),
                    new KeyValuePair<string, object?>("turn.route", route),
                    new KeyValuePair<string, object?>("turn.channel", channel),
                    new KeyValuePair<string, object?>("turn.outcome", outcome));
            }
        }
    }

    // Only known values go out: an activity's fields come from the sender, and a tag must never carry what they typed.
    private static string KindOf(string? type) => type switch
    {
        "message" or "conversationUpdate" or "invoke" or "event" or "typing" or "installationUpdate" or "messageReaction" or "endOfConversation" => type,
        _ => "other",
    };

    private static string ChannelOf(string? channel) => channel switch
    {
        "msteams" or "webchat" or "directline" or "emulator" or "test" or "console" => channel,
        _ => "other",
    };
}
