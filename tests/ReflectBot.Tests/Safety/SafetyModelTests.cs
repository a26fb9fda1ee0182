using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Hosting;
using ReflectBot.Journeys;
using ReflectBot.Safety;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>The model layer: its weights belong to the content and the model they were trained for, and it runs in the host.</summary>
public sealed class SafetyModelTests
{
    [Fact]
    public void WeightsTrainedOnOtherExamplesAreRefusedWithTheCommandThatFixesThem()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.AppendAllText(Path.Combine(folder, "safety", "examples.yaml"), "  - label: none\n    texts: [\"a new example nobody trained on\"]\n");
        var errors = new List<ContentError>();
        ContentValidation.Check(folder, errors);
        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine("safety", "model.json"), error.File);
        Assert.Contains("train-safety", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsTrainedForAnotherEmbeddingModelAreRefused()
    {
        var errors = new List<ContentError>();
        Assert.Null(SafetyContent.LoadWeights(ContentFolders.Shipped, errors, new string('0', 64)));
        Assert.Contains("another embedding model", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedWeightsMatchTheShippedContentAndThisModel()
    {
        var errors = new List<ContentError>();
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, errors, SentenceEmbedder.ModelSha256());
        Assert.Empty(errors);
        Assert.True(weights!.Possible <= weights.Clear);
    }

    [Fact]
    public void ABrokenExampleIsReportedWithItsLine()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.AppendAllText(Path.Combine(folder, "safety", "examples.yaml"), "  - label: sadness\n    texts: [\"x\"]\n");
        var errors = new List<ContentError>();
        SafetyExamples.LoadExamples(folder, errors);
        var error = Assert.Single(errors);
        Assert.Contains("unknown label 'sadness'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 10);
    }

    [Fact]
    public async Task TheHostLoadsTheModelInTheBackgroundAndItReadsWhatTheLexiconDoesNotKnow()
    {
        using var host = new BotHost();
        host.CreateClient();
        var model = host.Services.GetRequiredService<SafetyModelHost>();
        await model.WaitReadyAsync();
        Assert.True(model.IsReady);

        // Among the development messages the lexicon finds nothing live in, the model raises some alarms itself.
        var screen = host.Services.GetRequiredService<SafetyScreen>();
        var errors = new List<ContentError>();
        var missedByLexicon = ReflectBot.Safety.Evaluation.SafetyEvaluation.LoadSets(ContentFolders.Shipped, errors).Dev
            .Where(m => m.IsRisk && screen.Lexicon.Screen(m.Text) == RiskClass.None).Take(60).ToList();
        Assert.NotEmpty(missedByLexicon);
        var byModel = missedByLexicon.Select(m => screen.Screen(m.Text)).Where(r => r.IsAlarm).ToList();
        Assert.NotEmpty(byModel);
        Assert.All(byModel, r => Assert.Equal("model", r.Layer));
    }

    [Fact]
    public void WithTheModelOffTheLexiconScreensAlone()
    {
        using var host = new BotHost(null, ("Safety:ModelEnabled", "false"));
        host.CreateClient();
        Assert.False(host.Services.GetRequiredService<SafetyModelHost>().IsReady);
        Assert.Equal(RiskLevel.Clear, host.Services.GetRequiredService<SafetyScreen>().Screen("I want to die").Level);
    }
}
