using ReflectBot.Content;

namespace ReflectBot.Cards;

/// <summary>What the cards' commands say around the cards, in <c>dialogs/strings/cards.yaml</c>.</summary>
public static class CardStrings
{
    /// <summary>{title}: the journey left open underneath, in lower case.</summary>
    public static readonly StringKey JourneyStillOpen = new("cards.journeyStillOpen", "title");
}
