using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Cards;

/// <summary>
/// Turns a card into what the channel shows: an Adaptive Card (schema 1.5) where the channel renders
/// them, a Hero card everywhere else. Every button posts back words the bot routes: the journey's
/// command, or "tell me about ..." for a card in a list.
/// </summary>
public static class CardRenderer
{
    public const string AdaptiveContentType = "application/vnd.microsoft.card.adaptive";
    /// <param name="card">The card.</param>
    /// <param name="journeys">Where its button's journey is found.</param>
    /// <param name="strings">The bot's sentences (the footer, the button's title).</param>
    /// <param name="channelId">The channel, which decides the rendering.</param>
    /// <param name="currentJourneyId">The journey in progress: a button that would restart it is left off.</param>
    public static IMessageActivity Render(CardDefinition card, JourneyCatalog journeys, StringCatalog strings, string? channelId, string? currentJourneyId = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(journeys);
        var journey = card.Journey == currentJourneyId ? null : journeys.Find(card.Journey);
        var attachment = ChannelCapabilities.SupportsAdaptiveCards(channelId) ? Adaptive(card, journey, strings) : Hero(card, journey, strings);
        return MessageFactory.Attachment(attachment);
    }

    public static Attachment Hero(CardDefinition card, JourneyDefinition? journey, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(strings);
        var hero = new HeroCard
        {
            Title = card.Title,
            Text = $"{card.Text}\n\n{card.Question}\n\n{strings[CardStrings.Footer]}",
            Buttons = journey is null ? [] : [new CardAction(ActionTypes.ImBack, StartTitle(journey, strings), value: CommandOf(journey))],
        };
        return hero.ToAttachment();
    }

    public static Attachment Adaptive(CardDefinition card, JourneyDefinition? journey, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(strings);
        var actions = new JArray();
        if (journey is not null)
        {
            actions.Add(Submit(StartTitle(journey, strings), CommandOf(journey)));
        }

        var content = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            // What a screen reader gets for the card: Web Chat announces "A card:" and this, none of the body.
            ["speak"] = Speech(card.Title, card.Text, card.Question, strings[CardStrings.Footer]),
            ["body"] = new JArray
            {
                TextBlock(card.Title, ("size", "Medium"), ("weight", "Bolder"), ("style", "heading")),
                TextBlock(card.Text),
                TextBlock(card.Question, ("weight", "Bolder"), ("color", "Accent")),
                TextBlock(strings[CardStrings.Footer], ("size", "Small"), ("isSubtle", true)),
            },
            ["actions"] = actions,
        };
        return new Attachment { ContentType = AdaptiveContentType, Content = content };
    }

    /// <summary>A browsable list: a carousel of small cards where the channel has carousels, else one card of buttons.</summary>
    public static IMessageActivity List(IReadOnlyList<CardDefinition> cards, string intro, StringCatalog strings, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(strings);

        // The channels that render Adaptive Cards are the ones that show a carousel well.
        if (ChannelCapabilities.SupportsAdaptiveCards(channelId))
        {
            // Web Chat shows the list as a list, so its buttons are read one after another: each names its card
            // (2.4.6), where Teams' carousel shows one card, and its button, at a time.
            var webChat = channelId is "webchat" or "directline";
            var items = cards.Select(c => new HeroCard
            {
                Title = c.Title,
                Text = c.Question,
                Buttons = [new CardAction(ActionTypes.ImBack, webChat ? strings.Text(CardStrings.ReadCard, ("title", c.Title)) : strings[CardStrings.ReadThis], value: AskFor(c))],
            }.ToAttachment()).ToList();
            var carousel = MessageFactory.Carousel(items, intro);

            // Web Chat's carousel scrolls sideways and cuts its cards at 320 px (WCAG 1.4.10): a list there.
            if (webChat)
            {
                carousel.AttachmentLayout = AttachmentLayoutTypes.List;
            }

            return carousel;
        }

        var lines = string.Join("\n", cards.Select(c => $"- {c.Title}"));
        var choices = cards.Select(c => new Choice(AskFor(c))).ToList();
        return ChoiceRenderer.Render(channelId, $"{intro}\n{lines}", choices, ListStyle.HeroCard);
    }

    /// <summary>The topics to browse, each a button asking for that topic's cards.</summary>
    public static IMessageActivity Topics(CardCatalog catalog, StringCatalog strings, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(strings);
        var topics = catalog.Topics.Take(8).ToList();
        return ChoiceRenderer.Render(channelId, strings[CardStrings.Topics], [.. topics.Select(t => new Choice($"tell me about {t}"))], ListStyle.HeroCard);
    }

    /// <summary>What a card's "read" button posts: the words that open exactly this card.</summary>
    public static string AskFor(CardDefinition card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return $"tell me about {card.Title}";
    }

    private static string CommandOf(JourneyDefinition journey) => journey.StartCommand;

    private static string StartTitle(JourneyDefinition journey, StringCatalog strings) => strings.Text(CardStrings.StartJourney, ("title", journey.Title));

    /// <summary>The card's sentences read as one text, each ending in a stop so a screen reader pauses between them.</summary>
    private static string Speech(params string[] parts) => string.Join(
        ' ',
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.TrimEnd() is var t && t.Length > 0 && char.IsPunctuation(t[^1]) ? t : t + "."));

    private static JObject TextBlock(string text, params (string Key, JToken Value)[] style)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (key, value) in style)
        {
            block[key] = value;
        }

        return block;
    }

    // Web Chat posts the data as the activity's value (the bot reads its "text"); Teams, told "imBack",
    // posts the words as an ordinary message.
    private static JObject Submit(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject
        {
            ["text"] = text,
            ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = text },
        },
    };
}
