using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Fits an outgoing message to what Teams shows: at most three suggested actions (more become a card),
/// at most six buttons on a Hero card (more become an Adaptive Card), Adaptive Cards at schema 1.5.
/// </summary>
public static class TeamsRendering
{
    public const string ChannelId = "msteams";

    /// <summary>Teams shows only the first three suggested actions.</summary>
    public const int MaxSuggestedActions = 3;

    /// <summary>Teams shows at most six buttons on a Hero card and drops the rest.</summary>
    public const int MaxHeroButtons = 6;

    /// <summary>The Adaptive Card schema version Teams renders on desktop, web and mobile.</summary>
    public const string AdaptiveCardVersion = "1.5";

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Buttons per row of a many-choice Adaptive Card: readable on a phone.</summary>
    private const int ButtonsPerRow = 3;

    public static bool IsTeams(string? channelId) => string.Equals(channelId, ChannelId, StringComparison.OrdinalIgnoreCase);

    public static void Fit(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (activity.SuggestedActions?.Actions is { Count: > MaxSuggestedActions } actions)
        {
            var card = actions.Count <= MaxHeroButtons
                ? new HeroCard { Text = activity.Text, Buttons = [.. actions] }.ToAttachment()
                : ChoicesCard(activity.Text, actions);
            activity.Text = null;
            activity.SuggestedActions = null;
            activity.Attachments = [card, .. activity.Attachments ?? []];
        }

        if (activity.Attachments is not { Count: > 0 } attachments)
        {
            return;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            attachments[i] = FitAttachment(attachments[i]);
        }
    }

    /// <summary>An Adaptive Card (1.5) offering the actions as rows of buttons that answer like imBack.</summary>
    public static Attachment ChoicesCard(string? text, IEnumerable<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var body = new JArray();
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        foreach (var row in actions.Chunk(ButtonsPerRow))
        {
            body.Add(new JObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JArray(row.Select(Submit)),
            });
        }

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = AdaptiveCardVersion,
            ["body"] = body,
        };

        // What a screen reader announces for the card (Teams and Web Chat read none of the body otherwise);
        // a card of buttons alone is announced by its buttons' titles.
        card["speak"] = string.IsNullOrWhiteSpace(text) ? string.Join(", ", actions.Select(a => a.Title)) : text;

        return new Attachment { ContentType = AdaptiveCardContentType, Content = card };
    }

    private static Attachment FitAttachment(Attachment attachment)
    {
        if (attachment.ContentType == HeroCard.ContentType && attachment.Content is not null)
        {
            var hero = attachment.Content as HeroCard ?? JObject.FromObject(attachment.Content).ToObject<HeroCard>();
            if (hero?.Buttons is { Count: > MaxHeroButtons } buttons)
            {
                var text = string.Join("\n\n", new[] { hero.Title, hero.Subtitle, hero.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));
                return ChoicesCard(text, buttons);
            }

            return attachment;
        }

        if (attachment.ContentType == AdaptiveCardContentType && attachment.Content is not null)
        {
            var card = attachment.Content switch
            {
                JObject json => json,
                string json => JObject.Parse(json),
                var other => JObject.FromObject(other),
            };

            // A card without a version is not rendered; one above 1.5 shows only its fallback text on
            // some Teams clients.
            if (!Version.TryParse(card.Value<string>("version"), out var version) || version > Version.Parse(AdaptiveCardVersion))
            {
                card["version"] = AdaptiveCardVersion;
            }

            attachment.Content = card;
        }

        return attachment;
    }

    // Action.Submit answers with data.text on every channel (the bot reads value.text as the message);
    // in Teams the msteams imBack also shows the choice in the chat as the user's own words.
    private static JObject Submit(CardAction action)
    {
        if (action.Type == ActionTypes.OpenUrl)
        {
            return new JObject { ["type"] = "Action.OpenUrl", ["title"] = action.Title, ["url"] = action.Value?.ToString() };
        }

        var value = action.Type == ActionTypes.MessageBack
            ? action.Text ?? action.DisplayText ?? action.Title ?? string.Empty
            : action.Value?.ToString() ?? action.Title ?? string.Empty;
        return new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = action.Title ?? value,
            ["data"] = new JObject
            {
                ["text"] = value,
                ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = value },
            },
        };
    }
}
