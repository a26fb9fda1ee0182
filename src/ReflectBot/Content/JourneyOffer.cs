namespace ReflectBot.Content;

/// <summary>What a journey offers when it ends: one card or one journey.</summary>
public sealed class JourneyOffer
{
    public string? Card { get; set; }

    public string? Journey { get; set; }
}
