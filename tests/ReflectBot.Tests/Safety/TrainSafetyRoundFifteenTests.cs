using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round fifteen's changes to what the trainer reads and writes (evaluation README, round fifteen): it writes one
/// possible-risk threshold unless asked for round ten's per-class ones, so <c>model.json</c> comes out as the rule ships
/// it; examples may name their author, and examples are trained on in every fold and never held out.
/// </summary>
public sealed class TrainSafetyRoundFifteenTests
{
    [Fact]
    public void PerClassThresholdsAreWrittenOnlyWhenAskedForAndKeptByTheNestedTest()
    {
        string[] plain = ["train-safety", "dialogs", "--precision", "Int8", "--encoders", "minilm"];
        string[] asked = [.. plain, TrainSafetyCommand.PerClassOption];

        Assert.False(TrainSafetyCommand.WritesPerClass(plain, keptByNestedTest: true));
        Assert.False(TrainSafetyCommand.WritesPerClass(plain, keptByNestedTest: false));
        Assert.True(TrainSafetyCommand.WritesPerClass(asked, keptByNestedTest: true));
        Assert.False(TrainSafetyCommand.WritesPerClass(asked, keptByNestedTest: false));
    }

    [Fact]
    public void TheShippedModelHasOneThresholdForEveryClass()
    {
        var errors = new List<ContentError>();
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, errors, modelSha256: null);

        Assert.Empty(errors);
        Assert.NotNull(weights);
        Assert.Null(weights.PossibleByClass);
        Assert.All(weights.PossibleThresholds(), p => Assert.Equal(weights.Possible, p));
    }

    [Fact]
    public void AGroupOfExamplesNamesItsAuthorAndAGroupWithoutOneIsEx()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder, "safety", SafetyExamples.ExamplesFile), """
            version: 1
            examples:
              - label: none
                texts:
                  - "The hedge wants a trim"
              - label: none
                author: e15
                texts:
                  - "I hope I don't wake the cat"
                  - "Fingers crossed I don't miss the bus"
            """);
        var errors = new List<ContentError>();

        var examples = SafetyExamples.LoadExamples(folder, errors);

        Assert.Empty(errors);
        Assert.Equal(["ex-001", "e15-002", "e15-003"], examples.Select(m => m.Id));
        Assert.Equal(["ex", "e15", "e15"], examples.Select(m => m.Author));
        Assert.All(examples, m => Assert.Equal(SafetyExamples.Tag, m.Tag));
    }

    [Fact]
    public void ExamplesAreNeverAHeldOutAuthorHoweverManyTheyAre()
    {
        var messages = new List<LabelledMessage>();
        for (var i = 0; i < 60; i++)
        {
            messages.Add(new LabelledMessage($"e15-{i}", "none", SafetyExamples.Tag, string.Empty, "an example", "examples.yaml", i + 1));
            messages.Add(new LabelledMessage($"ex-{i}", "none", SafetyExamples.Tag, string.Empty, "an example", "examples.yaml", i + 1));
            messages.Add(new LabelledMessage($"dq-{i}", "none", "everyday", string.Empty, "a development line", "dev.tsv", i + 1));
        }

        for (var i = 0; i < 10; i++)
        {
            messages.Add(new LabelledMessage($"dz-{i}", "none", "everyday", string.Empty, "too few to hold out", "dev.tsv", i + 1));
        }

        Assert.Equal(["dq"], TrainSafetyCommand.Folds(messages));
    }

    [Fact]
    public void TheShippedExamplesHoldRoundFifteensHarmlessLinesUnderTheirOwnAuthor()
    {
        var errors = new List<ContentError>();

        var mine = SafetyExamples.LoadExamples(ContentFolders.Shipped, errors).Where(m => m.Author == "e15").ToList();

        Assert.Empty(errors);
        Assert.True(mine.Count >= 30, $"round fifteen wrote {mine.Count} examples, at least 30 asked for");
        Assert.All(mine, m => Assert.Equal(SafetyModelWeights.LabelNone, m.Label));
        Assert.Contains(mine, m => m.Text.Contains("wake the baby", StringComparison.Ordinal));
    }
}
