namespace ReflectBot.Content;

/// <summary>
/// One card keyword as written in a card file: a phrase, the cue groups (<see cref="KeywordCues"/>) that must each
/// have a word in the same sentence for it to count, and the groups that cancel it there.
/// </summary>
public sealed record CardKeyword(string Phrase, IReadOnlyList<string> Needs, IReadOnlyList<string> Unless, int Line)
{
    /// <summary>A keyword that counts wherever it stands (unless negated).</summary>
    public static CardKeyword Plain(string phrase, int line = 1) => new(phrase, [], [], line);
}
