using System.Globalization;
using Newtonsoft.Json;
using ReflectBot.Content;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The trained second layer, as committed in <c>dialogs/safety/model.json</c>: two multinomial logistic
/// regressions and the two thresholds of the graded decision over their blend, with the SHA-256 of what
/// they were trained on (the examples, the development set and the lexicon whose features they read) and
/// of the embedding model they were trained for. Start-up and <c>validate</c> refuse weights whose hashes
/// no longer match: retrain with <c>train-safety</c>.
/// <list type="bullet">
/// <item>the sentence head reads each sentence of a message (and the whole) with the message's lexicon
/// stance features, so risk buried in one sentence of a long answer is not averaged away;</item>
/// <item>the message head reads the whole message's embedding alone: no lexicon features, so it cannot
/// lean on a lexicon that was tuned on the very authors it trains on.</item>
/// </list>
/// </summary>
public sealed class SafetyModelWeights
{
    public const int FormatVersion = 3;

    [JsonProperty("version")]
    public int Version { get; set; } = FormatVersion;

    [JsonProperty("model")]
    public string Model { get; set; } = string.Empty;

    [JsonProperty("modelSha256")]
    public string ModelSha256 { get; set; } = string.Empty;

    /// <summary>
    /// The second encoder whose vectors follow MiniLM's in the embedding heads' input (round eleven's (d)), or null
    /// for MiniLM alone. Named for a reviewer; <see cref="SecondModelSha256"/> is what is checked.
    /// </summary>
    [JsonProperty("secondModel", NullValueHandling = NullValueHandling.Ignore)]
    public string? SecondModel { get; set; }

    /// <summary>
    /// SHA-256 of the second encoder's graph the vectors came from (Arctic's int8 graph for Int8-trained weights), or
    /// null for MiniLM alone. Start-up and <c>validate</c> refuse weights naming a second encoder this build does not have.
    /// </summary>
    [JsonProperty("secondModelSha256", NullValueHandling = NullValueHandling.Ignore)]
    public string? SecondModelSha256 { get; set; }

    /// <summary>Whether the embedding heads read a second encoder's vectors after MiniLM's.</summary>
    [JsonIgnore]
    public bool UsesSecondModel => !string.IsNullOrEmpty(SecondModelSha256);

    /// <summary>Floats of embedding the heads read: 384 (MiniLM), or 768 (MiniLM then Arctic).</summary>
    [JsonIgnore]
    public int EmbeddingDimensions => SentenceEmbedder.Dimensions * (UsesSecondModel ? 2 : 1);

    [JsonProperty("trainingSha256")]
    public string TrainingSha256 { get; set; } = string.Empty;

    /// <summary>How it was trained, for a reviewer: examples per label, regularisation, iterations, cross-validated figures.</summary>
    [JsonProperty("trained")]
    public string Trained { get; set; } = string.Empty;

    /// <summary>Model risk (the probability of any risk class, blended over the two heads) at or above which a message gets the full crisis reply.</summary>
    [JsonProperty("clear")]
    public double Clear { get; set; }

    /// <summary>Model risk at or above which a message gets the short, gentle possible-risk check.</summary>
    [JsonProperty("possible")]
    public double Possible { get; set; }

    /// <summary>
    /// Round ten's candidate (a): one possible-risk threshold per likeliest risk class (in <see cref="RiskClasses.All"/>'s
    /// order), used instead of <see cref="Possible"/> when present; absent (null) when the rule kept one threshold. The
    /// full reply for a class never comes below its own possible threshold (<see cref="ModelDecision.Decide(double[], double, double[])"/>).
    /// </summary>
    [JsonProperty("possibleByClass", NullValueHandling = NullValueHandling.Ignore)]
    public List<double>? PossibleByClass { get; set; }

    /// <summary>The possible-risk threshold of each risk class: <see cref="PossibleByClass"/>, or <see cref="Possible"/> for every class.</summary>
    public double[] PossibleThresholds() => PossibleByClass is { } byClass ? [.. byClass] : [.. Enumerable.Repeat(Possible, RiskClasses.All.Count)];

    /// <summary>The output labels: "none", "past", then the risk classes' ids.</summary>
    [JsonProperty("labels")]
    public List<string> Labels { get; set; } = [];

    [JsonProperty("sentenceBias")]
    public List<double> SentenceBias { get; set; } = [];

    /// <summary>One row per label: the embedding's weights, then the lexicon features' (<see cref="LexiconReading.Features"/>).</summary>
    [JsonProperty("sentenceWeights")]
    public List<List<double>> SentenceWeights { get; set; } = [];

    [JsonProperty("messageBias")]
    public List<double> MessageBias { get; set; } = [];

    /// <summary>One row per label: the embedding's weights only.</summary>
    [JsonProperty("messageWeights")]
    public List<List<double>> MessageWeights { get; set; } = [];

    /// <summary>The n-gram head (none, past, risk over word and character n-grams).</summary>
    [JsonProperty("ngram")]
    public SafetyNgramHead Ngram { get; set; } = new();

    /// <summary>The n-gram head's share of the blend; the two embedding heads share the rest equally.</summary>
    [JsonProperty("ngramShare")]
    public double NgramShare { get; set; }

    /// <summary>Words from which the n-gram head has its full share; a shorter message gives it proportionally less (0: no gate). See <see cref="SafetyNgramHead.ShareFor"/>.</summary>
    [JsonProperty("ngramFullWords")]
    public int NgramFullWords { get; set; }

    /// <summary>
    /// Words a message needs for the model's possible-risk check; a shorter one alarms through the model only
    /// at <see cref="Clear"/> (0: no floor). See <see cref="ModelDecision.PossibleFor"/>.
    /// </summary>
    [JsonProperty("possibleMinWords")]
    public int PossibleMinWords { get; set; }

    /// <summary>The sentence head's inputs: the embedding, then the lexicon's features.</summary>
    [JsonIgnore]
    public int SentenceInputs => EmbeddingDimensions + LexiconReading.FeatureCount;

    private double[][]? _sentence;
    private double[][]? _message;

    /// <summary>
    /// The blended label probabilities of one message: the sentence head on the unit (whole or sentence)
    /// that looks most like risk, averaged with the message head on the whole (its riskiest window).
    /// </summary>
    /// <remarks>The n-gram head is read only when it has a share: at share 0 the blend is the other heads'
    /// probabilities exactly, so reading every message's n-grams would be work on each turn that changes nothing.</remarks>
    public double[] Probabilities(IReadOnlyList<float[]> whole, IReadOnlyList<float[]> sentences, float[] lexicon, string normalized)
        => NgramShare == 0
            ? Probabilities(whole, sentences, lexicon)
            : SafetyNgramHead.Blend(Probabilities(whole, sentences, lexicon), Ngram.Probabilities(normalized), SafetyNgramHead.ShareFor(normalized, NgramShare, NgramFullWords));

    /// <summary>The two embedding heads' blend alone (cross-validation adds the n-gram head's share itself).</summary>
    public double[] Probabilities(IReadOnlyList<float[]> whole, IReadOnlyList<float[]> sentences, float[] lexicon)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(lexicon);
        _sentence ??= [.. SentenceWeights.Select(r => r.ToArray())];
        _message ??= [.. MessageWeights.Select(r => r.ToArray())];
        // The rows say how wide the embedding is (a fold's fit names no encoder; Problem checks the rows against the names).
        var dimensions = _message.Length > 0 ? _message[0].Length : EmbeddingDimensions;
        var input = new double[dimensions + lexicon.Length];
        for (var j = 0; j < lexicon.Length; j++)
        {
            input[dimensions + j] = lexicon[j];
        }

        double[]? bySentence = null;
        foreach (var unit in whole.Concat(sentences))
        {
            Copy(unit, input);
            var p = Softmax(Scores(_sentence, SentenceBias, input));
            if (bySentence is null || ModelDecision.Risk(p) > ModelDecision.Risk(bySentence))
            {
                bySentence = p;
            }
        }

        double[]? byMessage = null;
        var embedding = new double[dimensions];
        foreach (var unit in whole)
        {
            Copy(unit, embedding);
            var p = Softmax(Scores(_message, MessageBias, embedding));
            if (byMessage is null || ModelDecision.Risk(p) > ModelDecision.Risk(byMessage))
            {
                byMessage = p;
            }
        }

        if (bySentence is null || byMessage is null)
        {
            throw new ArgumentException("a message has at least one whole window", nameof(whole));
        }

        return [.. bySentence.Zip(byMessage, (a, b) => (a + b) / 2)];
    }

    /// <summary>The sentence head alone on one input (embedding then lexicon features).</summary>
    public double[] SentenceProbabilities(double[] input)
    {
        _sentence ??= [.. SentenceWeights.Select(r => r.ToArray())];
        return Softmax(Scores(_sentence, SentenceBias, input));
    }

    private static void Copy(float[] from, double[] to)
    {
        for (var j = 0; j < from.Length; j++)
        {
            to[j] = from[j];
        }
    }

    private static double[] Scores(double[][] rows, List<double> bias, double[] input)
    {
        var scores = new double[rows.Length];
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = bias[k] + SafetyTrainer.Dot(rows[k], input);
        }

        return scores;
    }

    public static double[] Softmax(double[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var total = exp.Sum();
        return [.. exp.Select(e => e / total)];
    }

    /// <summary>What is wrong with the file, or null: its shape, and whether it was trained on this content and this model.</summary>
    public string? Problem(string? trainingSha256, string? modelSha256)
        => Problem(trainingSha256, modelSha256, modelSha256 is not null && UsesSecondModel ? SecondEncoderOfThisBuild : null);

    /// <summary>
    /// As <see cref="Problem(string?, string?)"/>; with <paramref name="secondModelSha256"/> (weights that name a
    /// second encoder), also whether that encoder is the one given.
    /// </summary>
    public string? Problem(string? trainingSha256, string? modelSha256, Func<string?>? secondModelSha256)
    {
        if (Version != FormatVersion)
        {
            return $"format version {Version} is not {FormatVersion}.";
        }

        var labels = LabelsExpected();
        if (!Labels.SequenceEqual(labels))
        {
            return $"labels should be {string.Join(", ", labels)}.";
        }

        if (SentenceBias.Count != Labels.Count || SentenceWeights.Count != Labels.Count || SentenceWeights.Any(w => w.Count != SentenceInputs))
        {
            return $"expected {Labels.Count} rows of {SentenceInputs} sentence weights and {Labels.Count} biases.";
        }

        if (MessageBias.Count != Labels.Count || MessageWeights.Count != Labels.Count || MessageWeights.Any(w => w.Count != EmbeddingDimensions))
        {
            return $"expected {Labels.Count} rows of {EmbeddingDimensions} message weights and {Labels.Count} biases.";
        }

        if (Ngram.Weights.Count != SafetyNgramHead.Labels || Ngram.Bias.Count != SafetyNgramHead.Labels || Ngram.Weights.Any(w => w.Count != Ngram.Vocabulary.Count))
        {
            return $"expected {SafetyNgramHead.Labels} rows of n-gram weights, one per vocabulary entry, and {SafetyNgramHead.Labels} biases.";
        }

        if (!(NgramShare is >= 0 and <= 1))
        {
            return "the n-gram share should be between 0 and 1.";
        }

        if (PossibleMinWords < 0)
        {
            return "the possible-risk check's word floor should be 0 (none) or more words.";
        }

        if (NgramFullWords < 0)
        {
            return "the n-gram head's full-share length should be 0 (no gate) or more words.";
        }

        if (!(Possible > 0 && Possible <= Clear && Clear <= 1))
        {
            return "thresholds should satisfy 0 < possible <= clear <= 1.";
        }

        if (PossibleByClass is { } byClass && (byClass.Count != RiskClasses.All.Count || byClass.Any(t => !(t > 0 && t <= 1))))
        {
            return $"possibleByClass should hold {RiskClasses.All.Count} thresholds (one per risk class, in the labels' order), each above 0 and at most 1.";
        }

        if (trainingSha256 is not null && !string.Equals(trainingSha256, TrainingSha256, StringComparison.OrdinalIgnoreCase))
        {
            return "it was trained on other examples or another lexicon (trainingSha256 differs): run 'dotnet run --project src/ReflectBot -- train-safety' and commit the new model.json.";
        }

        if (modelSha256 is not null && !string.Equals(modelSha256, ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"it was trained for another embedding model (modelSha256 {ModelSha256[..Math.Min(12, ModelSha256.Length)]}…, this one is {modelSha256[..12]}…): run train-safety.";
        }

        if (UsesSecondModel && secondModelSha256 is not null && SecondModelSha256 is { } named)
        {
            var shortName = named[..Math.Min(12, named.Length)];
            string? expected;
            try
            {
                expected = secondModelSha256();
            }
            catch (FileNotFoundException ex)
            {
                return $"it names a second embedding model (secondModelSha256 {shortName}…), but this build has none: {ex.Message}";
            }

            if (!string.Equals(expected, SecondModelSha256, StringComparison.OrdinalIgnoreCase))
            {
                return $"it was trained for another second embedding model (secondModelSha256 {shortName}…, this one is {(expected is null ? "none" : expected[..Math.Min(12, expected.Length)] + "…")}): run train-safety.";
            }
        }

        return null;
    }

    private static string? SecondEncoderOfThisBuild() => SentenceEmbedder.SecondModelSha256();

    public static List<string> LabelsExpected() => [LabelNone, LabelPast, .. RiskClasses.All.Select(RiskClasses.IdOf)];

    public const string LabelNone = "none";

    public const string LabelPast = "past";

    public string ToJson()
    {
        // Six decimals: reviewable, stable across runs, and far below what moves a decision.
        var rounded = new SafetyModelWeights
        {
            Version = Version,
            Model = Model,
            ModelSha256 = ModelSha256,
            SecondModel = SecondModel,
            SecondModelSha256 = SecondModelSha256,
            TrainingSha256 = TrainingSha256,
            Trained = Trained,
            Clear = Math.Round(Clear, 4),
            Possible = Math.Round(Possible, 4),
            PossibleByClass = PossibleByClass is { } byClass ? [.. byClass.Select(t => Math.Round(t, 4))] : null,
            Labels = Labels,
            SentenceBias = Round(SentenceBias),
            SentenceWeights = [.. SentenceWeights.Select(Round)],
            MessageBias = Round(MessageBias),
            MessageWeights = [.. MessageWeights.Select(Round)],
            Ngram = new SafetyNgramHead { Vocabulary = Ngram.Vocabulary, Weights = [.. Ngram.Weights.Select(Round)], Bias = Round(Ngram.Bias) },
            NgramShare = NgramShare,
            NgramFullWords = NgramFullWords,
            PossibleMinWords = PossibleMinWords,
        };
        var json = JsonConvert.SerializeObject(rounded, Formatting.Indented);

        // One row of weights per line, not one number per line.
        return System.Text.RegularExpressions.Regex.Replace(json, @"\[\s+(-?[\d.eE+-]+(,\s+-?[\d.eE+-]+)*)\s+\]", m => "[" + System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, @",\s+", ", ") + "]") + "\n";
    }

    private static List<double> Round(List<double> row) => [.. row.Select(w => Math.Round(w, 6))];

    public static SafetyModelWeights? FromJson(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonConvert.DeserializeObject<SafetyModelWeights>(json, new JsonSerializerSettings { Culture = CultureInfo.InvariantCulture, MissingMemberHandling = MissingMemberHandling.Error });
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
