using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ReflectBot.Content;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Teams sends an Adaptive Card's <c>Action.Execute</c> as an <c>invoke</c> named "adaptiveCard/action"
/// rather than a message. This middleware runs the turn as the message the button stands for (its data's
/// <c>text</c>), so the safety screen, the input limits, the commands and the journey in progress all see
/// it exactly as if it had been typed, then answers the invoke with 200, which Teams needs to not show an
/// error on the card. <c>Action.Submit</c> already arrives as a message; but where its data asks Teams for an
/// <c>imBack</c> (<c>msteams.value</c>), Web Chat posts that data as the message's <c>value</c> with no words, so
/// such a message is given the words the button stands for here, before the screen and the commands see it.
/// </summary>
public sealed class AdaptiveCardActions(StringCatalog strings) : IMiddleware
{
    public const string InvokeName = "adaptiveCard/action";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Invoke || !string.Equals(activity.Name, InvokeName, StringComparison.OrdinalIgnoreCase))
        {
            if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text) && ImBackOf(activity.Value) is { } words)
            {
                activity.Text = words;
            }

            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var data = DataOf(activity.Value);
        activity.Type = ActivityTypes.Message;
        activity.Text = TextOf(data, activity.Value);
        activity.Value = data;
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The adapter returns the invoke response only for an activity that is still an invoke.
            activity.Type = ActivityTypes.Invoke;
        }

        var body = new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.activity.message",
            Value = strings[TeamsStrings.CardActionDone],
        };
        await turnContext.SendActivityAsync(
            new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200, Body = body } },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The action's data object, or an empty one.</summary>
    public static JObject DataOf(object? value)
    {
        var json = value switch
        {
            JObject o => o,
            null => null,
            _ => JObject.FromObject(value),
        };
        return json?.SelectToken("action.data") as JObject ?? [];
    }

    /// <summary>What the button means as words: data.text, else a Teams imBack/messageBack value, else the verb.</summary>
    public static string? TextOf(JObject data, object? value)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = StringAt(data, "text") ?? StringAt(data, "msteams.value") ?? StringAt(data, "msteams.text");
        if (text is null && value is JObject invoke)
        {
            text = StringAt(invoke, "action.verb");
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The words of a submitted card's <c>msteams</c> imBack data (as Web Chat posts it), or null.</summary>
    public static string? ImBackOf(object? value)
    {
        if (value is not JObject data || !string.Equals(StringAt(data, "msteams.type"), "imBack", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = StringAt(data, "msteams.value");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? StringAt(JObject json, string path)
        => json.SelectToken(path) is JValue { Type: JTokenType.String } token ? token.Value<string>() : null;
}
