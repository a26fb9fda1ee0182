using ReflectBot.Content;

namespace ReflectBot.Tests.Content;

/// <summary>What a pattern cannot match without (<see cref="RequiredText"/>): read right where it is known, and nothing where it is not.</summary>
public sealed class RequiredTextTests
{
    [Theory]
    [InlineData(@"\bwant to disappear\b", "want to disappear")]
    [InlineData(@"\b(took|swallowed) (the|a) whole (bottle|packet)\b", " whole ")]
    [InlineData(@"\b(took|swallowed|downed)\b", "took|swallowed|downed")]
    [InlineData(@"\bplans? to leave\b", " to leave")]
    [InlineData(@"\bno (one|body) would (miss|notice)\b", " would ")]
    [InlineData(@"\b(?:give|giving) away my (stuff|things)\b", " away my ")]
    [InlineData(@"\b(?<verb>hang|hanging) myself\b", " myself")]
    [InlineData(@"\bcut(ting)? (myself|my arms?)\b", "myself|my arm")]
    [InlineData(@"\bkill+ed\b", "kill")]
    [InlineData(@"\bended it\.", "ended it.")]
    [InlineData(@"(?<!not )\bready to go\b", "ready to go")]
    public void ATextEveryMatchNeedsIsFound(string pattern, string expected)
    {
        var required = RequiredText.Of(pattern);

        Assert.NotNull(required);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AGroupWithAnEmptyBranchNeedsNothingButTheRestOfItsSequenceStill()
        => Assert.Equal([" ccc"], RequiredText.Of(@"\b(a|bb|) ccc"));

    [Fact]
    public void UnknownConstructsGiveNoRequirement()
    {
        Assert.Null(RequiredText.Of(@"(?i)kill myself"));
        Assert.Null(RequiredText.Of(@"(kill) \1 again"));
        Assert.Null(RequiredText.Of(@"\bkill\tmyself"));
        Assert.Null(RequiredText.Of(@"[a-z-[aeiou]]+ myself"));
        Assert.Null(RequiredText.Of(@"\b(me|i)\b"));
        Assert.Null(RequiredText.Of(@"(want|)"));
        Assert.Null(RequiredText.Of(@"(?(x)kill|die)"));
        Assert.Null(RequiredText.Of(@"unbalanced) group"));
    }

    [Fact]
    public void AnAlternationAtTheTopNeedsOneOfItsBranches()
        => Assert.Equal(["gone for good", "wish "], RequiredText.Of(@"wish (i was|i were) dead|gone for good")!.Order(StringComparer.Ordinal));
}
