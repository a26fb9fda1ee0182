namespace ReflectBot.Tests.Architecture;

/// <summary>
/// The folders of the bot depend one way (ARCHITECTURE.md, "Dependencies run one way"): Hosting composes and
/// nothing uses it; features use each other without a cycle, and use the kernel, Content and Storage; Content
/// and Storage use only the kernel; the kernel only the waterfall runtime, which uses nothing of the bot.
/// </summary>
public sealed class DependencyTests
{
    [Fact]
    public void TheFoldersOfTheBotDependOneWay()
    {
        var problems = FolderGraph.OfTheBot.Violations();
        Assert.True(problems.Count == 0, "Dependencies against the layering:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void TheGraphSeesTheDependenciesItJudges()
    {
        // A rule over an empty graph would pass for nothing: these edges are known to exist.
        var edges = FolderGraph.OfTheBot.Edges;
        Assert.Contains(("Journal", "Storage"), edges.Keys);
        Assert.Contains(("Clinic", "Journeys"), edges.Keys);
        Assert.Contains(("Journeys", "Content"), edges.Keys);
        Assert.Contains(("Hosting", "Safety"), edges.Keys);
        Assert.Contains(("Kernel", FolderGraph.Runtime), edges.Keys);
    }

    [Fact]
    public void TheRuntimeUsesNothingOfTheBot()
        => Assert.DoesNotContain(FolderGraph.OfTheBot.Edges.Keys, e => e.From == FolderGraph.Runtime);

    [Fact]
    public void AFeatureThatUsesAFeatureAboveItIsACycle()
    {
        // Journeys uses Journal (entries); Journal reaching back for a journey would close a loop.
        var problems = With(("Journal", "Journeys"), "JournalFormat -> JourneyDialog").Violations();
        var cycle = Assert.Single(problems);
        Assert.Contains("cycle among feature folders", cycle, StringComparison.Ordinal);
        Assert.Contains("Journal", cycle, StringComparison.Ordinal);
        Assert.Contains("JournalFormat -> JourneyDialog", cycle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Safety", "Hosting")]
    [InlineData("Storage", "Journal")]
    [InlineData("Content", "Safety")]
    [InlineData("Kernel", "Storage")]
    [InlineData("ReflectBot.Dialogs", "Kernel")]
    public void ADependencyAgainstTheLayeringIsNamed(string from, string to)
    {
        var problems = With((from, to), "Example -> Other").Violations();
        Assert.Contains(problems, p => p.StartsWith($"{from} -> {to} (Example -> Other)", StringComparison.Ordinal));
    }

    private static FolderGraph With((string From, string To) edge, string example)
    {
        var edges = FolderGraph.OfTheBot.Edges.ToDictionary(e => e.Key, e => e.Value);
        edges[edge] = example;
        return new FolderGraph(edges);
    }
}
