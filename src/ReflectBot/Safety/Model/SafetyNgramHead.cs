using Newtonsoft.Json;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The third head of the model layer: a logistic regression over the message's word and character
/// n-grams (<see cref="NgramFeatures"/>), three labels (none, past, any risk). It reads stance where the
/// embedding reads topic: "took" against "take", "used to", "already", "tonight". Its vocabulary is the
/// n-grams that occur in at least <see cref="MinDocuments"/> training messages, in ordinal order; a
/// message's present n-grams each weigh the same, scaled to unit length. Fitted by
/// <see cref="SparseTrainer"/>, deterministic like the other heads.
/// </summary>
public sealed class SafetyNgramHead
{
    public const int Labels = 3;

    public const int MinDocuments = 3;

    /// <summary>The n-grams the head knows, in ordinal order.</summary>
    [JsonProperty("vocabulary")]
    public List<string> Vocabulary { get; set; } = [];

    /// <summary>Three rows (none, past, risk), one weight per vocabulary entry.</summary>
    [JsonProperty("weights")]
    public List<List<double>> Weights { get; set; } = [];

    [JsonProperty("bias")]
    public List<double> Bias { get; set; } = [];

    private Dictionary<string, int>? _index;
    private double[][]? _rows;

    /// <summary>The three-label probabilities of a normalized text: none, past, risk.</summary>
    public double[] Probabilities(string normalized)
    {
        _index ??= Vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        _rows ??= [.. Weights.Select(r => r.ToArray())];
        var (indices, value) = Encode(NgramFeatures.Of(normalized), _index);
        return Probabilities(_rows, Bias, indices, value);
    }

    public static double[] Probabilities(double[][] rows, IReadOnlyList<double> bias, int[] indices, double value)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(indices);
        var scores = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            double s = 0;
            foreach (var j in indices)
            {
                s += rows[k][j];
            }

            scores[k] = bias[k] + (s * value);
        }

        return SafetyModelWeights.Softmax(scores);
    }

    /// <summary>The known n-grams of a text as vocabulary indices (ascending), and the one value each carries (unit length overall).</summary>
    public static (int[] Indices, double Value) Encode(IEnumerable<string> features, IReadOnlyDictionary<string, int> index)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(index);
        var known = features.Where(index.ContainsKey).Select(f => index[f]).Order().ToArray();
        return (known, known.Length == 0 ? 0 : 1 / Math.Sqrt(known.Length));
    }

    /// <summary>Fits the head on normalized texts and their three-way labels (0 none, 1 past, 2 risk).</summary>
    public static SafetyNgramHead Fit(IReadOnlyList<string> texts, IReadOnlyList<int> labels, double lambda)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        var features = texts.Select(NgramFeatures.Of).ToList();
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in features.SelectMany(f => f))
        {
            documents[f] = documents.GetValueOrDefault(f) + 1;
        }

        var vocabulary = documents.Where(d => d.Value >= MinDocuments).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var samples = features.Select((f, i) =>
        {
            var (indices, value) = Encode(f, index);
            return new SparseTrainer.Sample(indices, value, labels[i]);
        }).ToList();
        var (w, b) = SparseTrainer.Fit(samples, Labels, vocabulary.Count, lambda);
        return new SafetyNgramHead { Vocabulary = vocabulary, Weights = [.. w.Select(r => r.ToList())], Bias = [.. b] };
    }

    /// <summary>The three-way label of a model label index (0 none, 1 past, 2 and above a risk class).</summary>
    public static int LabelOf(int modelLabel) => Math.Min(modelLabel, 2);

    /// <summary>
    /// The n-gram head's share for one message: full from <paramref name="fullWords"/> words on, less below
    /// (a short answer has few n-grams, each weighing more, so the head is overconfident there: "no, keep
    /// it"); <paramref name="fullWords"/> 0 means no gate.
    /// </summary>
    public static double ShareFor(string normalized, double share, int fullWords)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (fullWords <= 0 || share == 0)
        {
            return share;
        }

        return share * Math.Min(1.0, NgramFeatures.Words(normalized).Count / (double)fullWords);
    }

    /// <summary>
    /// Blends the n-gram head's three labels into the other heads' label probabilities: none and past
    /// directly, risk shared among the risk classes as the other heads share it (they tell the classes
    /// apart; this head only tells risk from harmless).
    /// </summary>
    public static double[] Blend(double[] embedded, double[] ngram, double share)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(ngram);
        var risk = ModelDecision.Risk(embedded);
        var classes = embedded.Length - 2;
        var blended = new double[embedded.Length];
        blended[0] = ((1 - share) * embedded[0]) + (share * ngram[0]);
        blended[1] = ((1 - share) * embedded[1]) + (share * ngram[1]);
        for (var k = 2; k < embedded.Length; k++)
        {
            var part = risk > 0 ? embedded[k] / risk : 1.0 / classes;
            blended[k] = ((1 - share) * embedded[k]) + (share * ngram[2] * part);
        }

        return blended;
    }
}
