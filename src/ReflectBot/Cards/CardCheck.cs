namespace ReflectBot.Cards;

/// <summary>One labelled sentence of a card evaluation set: the card it should bring up, or <see cref="CardCheckSet.None"/>.</summary>
public sealed record CardCheck(string Id, string Card, string Text, string File, int Line)
{
    public bool ExpectsCard => !string.Equals(Card, CardCheckSet.None, StringComparison.Ordinal);
}
