using ReflectBot.Content;
using ReflectBot.Journeys;

namespace ReflectBot.Tests.Journeys;

/// <summary>The line said back after free writing: one whole sentence of journeys.yaml per number of feeling words, else the first sentence of three words or more quoted.</summary>
public sealed class ReflectionTests
{
    private static readonly StringCatalog Strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;

    [Theory]
    [InlineData("   ", "Thank you for taking the time to write.")]
    [InlineData("I felt Lonely at work today", "I notice the word \"lonely\" in what you wrote. It's okay to let that be here for a moment.")]
    [InlineData("tired and anxious, so tired", "I notice the words \"tired\" and \"anxious\" in what you wrote. It's okay to let that be here for a moment.")]
    [InlineData("sad, angry, numb and scared", "I notice the words \"sad\", \"angry\" and \"numb\" in what you wrote. It's okay to let that be here for a moment.")]
    [InlineData("The meeting went long. Then I walked home.", "What stays with me from what you wrote: \"The meeting went long\". Thank you for putting it into words.")]
    [InlineData("Ok. So.\nMy sister called and we talked for an hour. It was good.", "What stays with me from what you wrote: \"My sister called and we talked for an hour\". Thank you for putting it into words.")]
    [InlineData("Ok. Fine.", "What stays with me from what you wrote: \"Ok\". Thank you for putting it into words.")]
    public void TheReflectionIsMadeOfTheWritersOwnWords(string written, string expected)
        => Assert.Equal(expected, Reflection.Reflect(written, Strings));

    [Fact]
    public void AWritersBracesAreQuotedAsWrittenNotFilledIn()
        => Assert.Equal("What stays with me from what you wrote: \"my {first} try\". Thank you for putting it into words.", Reflection.Reflect("my {first} try", Strings));
}
