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

        var screen = host.Services.GetRequiredService<SafetyScreen>();
        const string text = "I've started hiding food and I've lost a lot of weight, my clothes hang off me";
        Assert.Equal(RiskClass.None, screen.Lexicon.Screen(text));
        var read = screen.Screen(text);
        Assert.Equal("model", read.Layer);
        Assert.True(read.IsAlarm, read.ToString());
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
