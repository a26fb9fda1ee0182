using ReflectBot.Content;

namespace ReflectBot.Cards;

/// <summary>What the cards' commands and renderer say around the cards (the cards themselves are in dialogs/cards/), in <c>dialogs/strings/cards.yaml</c>.</summary>
public static class CardStrings
{
    /// <summary>{title}: the journey left open underneath, in lower case.</summary>
    public static readonly StringKey JourneyStillOpen = new("cards.journeyStillOpen", "title");

    public static readonly StringKey Footer = new("cards.footer");
    public static readonly StringKey ReadThis = new("cards.readThis");

    /// <summary>{title}: the card a button in Web Chat's list of cards opens.</summary>
    public static readonly StringKey ReadCard = new("cards.readCard", "title");

    /// <summary>{title}: the journey a card's button starts.</summary>
    public static readonly StringKey StartJourney = new("cards.startJourney", "title");

    public static readonly StringKey Topics = new("cards.topics");

    /// <summary>{topic}: what the person asked about (at most 40 characters, then "…").</summary>
    public static readonly StringKey NoCard = new("cards.noCard", "topic");

    public static readonly StringKey CardsAbout = new("cards.cardsAbout", "topic");

    public static readonly StringKey Paused = new("cards.paused", "clinician");
}
