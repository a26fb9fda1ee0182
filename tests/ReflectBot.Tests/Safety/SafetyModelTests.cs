using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Hosting;
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
        Assert.Equal(Path.Combine("safety", "examples.yaml"), error.File);
        Assert.Contains("'label' is 'sadness'; expected one of: attempt,", error.Message, StringComparison.Ordinal);
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
    public void AMessageIsReadWholeAndSentenceBySentenceAndAOneSentenceMessageOnlyWhole()
    {
        Assert.Equal(3, SentenceEmbedder.Sentences("the garden was lovely. then home to the empty house. i have the pills ready").Count);
        Assert.Empty(SentenceEmbedder.Sentences("just one sentence here"));
    }

    [Fact]
    public void RiskBuriedInOneSentenceOfALongAnswerIsNotAveragedAway()
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        var layer = new SafetyModelLayer(weights, SentenceEmbedder.For(weights, new SafetyOptions().ModelPrecision));
        var lexicon = new RiskScreen(SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, [])!);
        const string Day = "Walked to the market this morning and bought apples and bread. The sun came out after lunch. My neighbour waved from her garden. I watered the tomatoes and read a chapter of my book. Made soup for dinner.";
        const string Buried = " I have been working out which bridge would be high enough.";
        double Risk(string text) => layer.Read(text, lexicon.Read(text))!.ModelRisk!.Value;

        Assert.True(Risk(Day + Buried) > Risk(Day) + 0.3, $"risk {Risk(Day + Buried):F2} with the sentence, {Risk(Day):F2} without");
    }

    [Fact]
    public void AtShareZeroTheNgramHeadChangesNothingAndWithAShareItDoes()
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        weights.NgramShare = 0;
        var random = new Random(7);
        var whole = new[] { Enumerable.Range(0, weights.EmbeddingDimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray() };
        var lexicon = new float[LexiconReading.FeatureCount];
        const string Text = "i took all of them tonight";

        Assert.Equal(weights.Probabilities(whole, [], lexicon), weights.Probabilities(whole, [], lexicon, Text));

        // The control: given a share, the same message's n-grams move the probabilities, so the check above can fail.
        weights.NgramShare = 0.5;
        Assert.NotEqual(weights.Probabilities(whole, [], lexicon), weights.Probabilities(whole, [], lexicon, Text));
    }

    [Fact]
    public void TheNgramHeadsShareShrinksOnShortMessagesOnlyWhenAGateIsSet()
    {
        const string Short = "no keep it";
        const string Long = "i have been thinking all week about how to keep it together at work and at home";
        Assert.Equal(0.5, SafetyNgramHead.ShareFor(Short, 0.5, 0));
        Assert.Equal(0.5 * 3 / 8, SafetyNgramHead.ShareFor(Short, 0.5, 8), 10);
        Assert.Equal(0.5, SafetyNgramHead.ShareFor(Long, 0.5, 8));
        Assert.Equal(0, SafetyNgramHead.ShareFor(Long, 0, 8));

        // The shipped weights: a gated short message moves less towards the n-gram head than an ungated one.
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        weights.NgramShare = 0.5;
        var random = new Random(11);
        var whole = new[] { Enumerable.Range(0, weights.EmbeddingDimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray() };
        var lexicon = new float[LexiconReading.FeatureCount];
        var embedded = ModelDecision.Risk(weights.Probabilities(whole, [], lexicon));
        weights.NgramFullWords = 0;
        var ungated = ModelDecision.Risk(weights.Probabilities(whole, [], lexicon, Short));
        weights.NgramFullWords = 8;
        var gated = ModelDecision.Risk(weights.Probabilities(whole, [], lexicon, Short));
        Assert.True(Math.Abs(gated - embedded) < Math.Abs(ungated - embedded), $"embedding heads {embedded:F3}, ungated {ungated:F3}, gated {gated:F3}");
    }

    [Theory]
    [InlineData("something I keep to myself")]
    [InlineData("no, keep it")]
    [InlineData("I'd rather keep that private")]
    [InlineData("nothing I want to share today")]
    [InlineData("just tired, long week")]
    [InlineData("letting it go for now")]
    [InlineData("I want some quiet tonight")]
    public void ShortEverydayAnswersGetNoAlarmFromTheShippedScreen(string answer)
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        var layer = new SafetyModelLayer(weights, SentenceEmbedder.For(weights, new SafetyOptions().ModelPrecision));
        var lexicon = new RiskScreen(SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, [])!);
        var reading = lexicon.Read(answer);
        var result = SafetyScreen.Combine(reading, FreeText.Has(answer) ? layer.Read(answer, reading) : null);
        var embedded = SentenceEmbedder.For(weights, new SafetyOptions().ModelPrecision).EmbedMessage(reading.Normalized);
        var byEmbedding = ModelDecision.Risk(weights.Probabilities(embedded.Whole, embedded.Sentences, reading.Features()));
        var byNgram = weights.Ngram.Probabilities(reading.Normalized)[2];
        Assert.False(result.IsAlarm, $"'{answer}' read as {result.Level}/{result.Class} by {result.Layer}, model risk {result.ModelRisk:F2} (embedding heads {byEmbedding:F2}, n-gram head {byNgram:F2}; possible from {weights.Possible:F2})");
    }

    [Fact]
    public void AShortMessageGetsTheGentleCheckFromTheModelOnlyAtTheClearThreshold()
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        Assert.True(weights.PossibleMinWords > 3, $"the shipped floor is {weights.PossibleMinWords} words");
        var between = (weights.Possible + weights.Clear) / 2;
        var probabilities = new double[SafetyModelWeights.LabelsExpected().Count];
        probabilities[0] = 1 - between;
        probabilities[2] = between;
        const string Short = "something i keep quiet";
        const string Long = "something i keep quiet about every single day at work";

        Assert.Equal(weights.Clear, ModelDecision.PossibleFor(Short, weights.Clear, weights.Possible, weights.PossibleMinWords));
        Assert.Equal(RiskLevel.None, ModelDecision.Decide(probabilities, weights.Clear, ModelDecision.PossibleFor(Short, weights.Clear, weights.Possible, weights.PossibleMinWords)).Level);
        Assert.Equal(RiskLevel.Possible, ModelDecision.Decide(probabilities, weights.Clear, ModelDecision.PossibleFor(Long, weights.Clear, weights.Possible, weights.PossibleMinWords)).Level);

        // Clear risk reaches a short message all the same.
        probabilities[0] = 0;
        probabilities[2] = 1;
        Assert.Equal(RiskLevel.Clear, ModelDecision.Decide(probabilities, weights.Clear, ModelDecision.PossibleFor(Short, weights.Clear, weights.Possible, weights.PossibleMinWords)).Level);
    }

    [Fact]
    public void ThePossibleRiskThresholdIsTheLowestAtWhichTheWholeScreenStaysWithinItsFalseAlarmLimit()
    {
        // Twenty harmless messages: one the lexicon alarms on, the others with model risk 0.500, 0.525, ... 0.950.
        var rows = new List<SafetyExperiments.Row> { new("a", false, false, true, true, 0.1, 0) };
        rows.AddRange(Enumerable.Range(0, 19).Select(i => new SafetyExperiments.Row("a", false, i % 2 == 0, false, true, 0.5 + (i * 0.025), 0)));
        rows.Add(new SafetyExperiments.Row("a", true, false, false, true, 0.6, 0));

        // At most 2 of 20 alarms (0.1): the lexicon's one leaves room for one model alarm, the riskiest (0.95), so above 0.925.
        Assert.Equal(0.93, SafetyExperiments.SingleThreshold(rows, 0.1), 10);

        // At most 4 of 20: three model alarms (0.95, 0.925, 0.90), so above 0.875.
        Assert.Equal(0.88, SafetyExperiments.SingleThreshold(rows, 0.2), 10);
        var (recall, falseAlarms) = SafetyExperiments.Figures(rows, r => SafetyExperiments.Alarm(r, [0.88]));
        Assert.Equal(0, recall);
        Assert.Equal(0.2, falseAlarms, 10);
    }

    [Fact]
    public void TrainingTheSameMessagesTwiceGivesTheSameWeightsAndTheyFitThem()
    {
        var messages = Synthetic();
        var first = SafetyModelFit.Fit(messages).ToJson();
        var again = SafetyModelFit.Fit(messages);
        Assert.Equal(first, again.ToJson());

        // Each message's label is the likeliest for it: the two heads learned something, not nothing.
        var right = messages.Count(m => Array.IndexOf(again.Probabilities(m.Embedding.Whole, m.Embedding.Sentences, m.Lexicon), again.Probabilities(m.Embedding.Whole, m.Embedding.Sentences, m.Lexicon).Max()) == m.Label);
        Assert.True(right >= messages.Count * 9 / 10, $"{right} of {messages.Count}");
    }

    [Fact]
    public void TheNgramHeadTrainsTheSameTwiceAndReadsTheStanceWordsOfAMessageItNeverSaw()
    {
        string[] risk = ["i took all of them tonight", "already took the whole box an hour ago", "took them all, it is done", "tonight i took everything in the cupboard", "i have already taken the lot tonight", "took the whole strip just now"];
        string[] past = ["i used to take too many, years ago now", "years ago i used to hurt myself, not any more", "i used to think about it, that was years ago", "back then i used to take far too many", "i used to, years ago, it is over now", "that was years ago, i used to feel like that"];
        string[] none = ["i take my tablets with breakfast", "remember to take the bins out", "take the dog for a walk after work", "i take the train to work", "take it easy this weekend", "we take turns cooking dinner"];
        var texts = risk.Concat(past).Concat(none).ToList();
        var labels = texts.Select((_, i) => i < 6 ? 2 : i < 12 ? 1 : 0).ToList();
        var first = SafetyNgramHead.Fit(texts, labels, 1e-4);
        var again = SafetyNgramHead.Fit(texts, labels, 1e-4);
        Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(first), Newtonsoft.Json.JsonConvert.SerializeObject(again));
        Assert.Contains("w took", first.Vocabulary);
        Assert.Equal(first.Vocabulary.Order(StringComparer.Ordinal), first.Vocabulary);

        var took = first.Probabilities("took the rest of them tonight");
        var usedTo = first.Probabilities("i used to do that years ago");
        var take = first.Probabilities("i take the bus");
        Assert.True(took[2] > took[0] && took[2] > took[1], string.Join(", ", took));
        Assert.True(usedTo[1] > usedTo[0] && usedTo[1] > usedTo[2], string.Join(", ", usedTo));
        Assert.True(take[0] > take[2], string.Join(", ", take));
    }

    [Fact]
    public void WeightsWhoseNgramHeadDoesNotMatchItsVocabularyAreRefused()
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        Assert.NotEmpty(weights.Ngram.Vocabulary);
        Assert.InRange(weights.NgramShare, 0, 1);
        weights.Ngram.Vocabulary.RemoveAt(0);
        Assert.Contains("n-gram weights", weights.Problem(null, null), StringComparison.Ordinal);
    }

    /// <summary>Ten labels, four messages each, every embedding a unit vector near its label's own direction.</summary>
    private static List<SafetyModelFit.Encoded> Synthetic()
    {
        var messages = new List<SafetyModelFit.Encoded>();
        for (var label = 0; label < SafetyModelWeights.LabelsExpected().Count; label++)
        {
            for (var n = 0; n < 4; n++)
            {
                var whole = Vector(label, n);
                var sentences = label >= 2 ? new[] { Vector(0, n + 7), Vector(label, n + 13) } : [];
                messages.Add(new SafetyModelFit.Encoded(new MessageEmbedding([whole], sentences), new float[LexiconReading.FeatureCount], label));
            }
        }

        return messages;
    }

    private static float[] Vector(int label, int seed)
    {
        var v = new float[SentenceEmbedder.Dimensions];
        for (var j = 0; j < v.Length; j++)
        {
            v[j] = (float)(0.05 * Math.Sin((j + 1) * (seed + 1) * 0.37));
        }

        v[label * 7] += 1;
        var norm = (float)Math.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void WithTheModelOffTheLexiconScreensAlone()
    {
        using var host = new BotHost(null, ("Safety:ModelEnabled", "false"));
        host.CreateClient();
        Assert.False(host.Services.GetRequiredService<SafetyModelHost>().IsReady);
        Assert.Equal(RiskLevel.Clear, host.Services.GetRequiredService<SafetyScreen>().Screen("I want to die").Level);
    }

    [Fact]
    public void AHostThatEndsWhileTheModelLoadsWaitsForTheLoadToEnd()
    {
        // A one-message terminal chat ended while ONNX Runtime was still loading in the background, and the process
        // died with a segmentation fault (exit 139) in a CI run. Ending the host now waits for the load.
        SafetyModelHost model;
        using (var host = new BotHost())
        {
            host.CreateClient();
            model = host.Services.GetRequiredService<SafetyModelHost>();
        }

        Assert.True(model.LoadEnded);
        Assert.True(model.IsReady);
    }
}
