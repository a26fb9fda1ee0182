namespace ReflectBot.Content;

/// <summary>A psychoeducation card as written in <c>dialogs/cards/*.yaml</c>.</summary>
public sealed class CardDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>The card's body, 60–120 words.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>One reflective question for the reader.</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>The journey its button starts.</summary>
    public string Journey { get; set; } = string.Empty;

    /// <summary>Topics it belongs to; "tell me about &lt;tag&gt;" lists the cards with that tag.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The phrases of its keywords, which "tell me about X" matches exactly.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>
    /// Its keywords with their context: what, in what a user writes, makes this card a fitting one to show
    /// (<see cref="CardCatalog.MatchKeywords"/>). A card built in code with only <see cref="Keywords"/> gets them as plain phrases.
    /// </summary>
    public List<CardKeyword> KeywordRules { get; set; } = [];

    /// <summary>Phrases that cancel any of its keyword hits they overlap ("binge watched" cancels "binge" there only).</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>The file it was loaded from, for error messages.</summary>
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>The line of its journey id, for error messages.</summary>
    public int JourneyLine { get; set; } = 1;
}
