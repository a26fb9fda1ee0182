using System.Globalization;
using Newtonsoft.Json;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The trained second layer, as committed in <c>dialogs/safety/model.json</c>: a multinomial logistic
/// regression over the sentence embedding and the lexicon's stance features, the two thresholds of its
/// graded decision, and the SHA-256 of what it was trained on (the examples, the development set and the
/// lexicon whose features it reads) and of the embedding model it was trained for. Start-up and
/// <c>validate</c> refuse weights whose hashes no longer match: retrain with <c>train-safety</c>.
/// </summary>
public sealed class SafetyModelWeights
{
    public const int FormatVersion = 1;

    [JsonProperty("version")]
    public int Version { get; set; } = FormatVersion;

    [JsonProperty("model")]
    public string Model { get; set; } = string.Empty;

    [JsonProperty("modelSha256")]
    public string ModelSha256 { get; set; } = string.Empty;

    [JsonProperty("trainingSha256")]
    public string TrainingSha256 { get; set; } = string.Empty;

    /// <summary>How it was trained, for a reviewer: examples per label, regularisation, iterations, cross-validated figures.</summary>
    [JsonProperty("trained")]
    public string Trained { get; set; } = string.Empty;

    /// <summary>Model risk (the probability of any risk class) at or above which a message gets the full crisis reply.</summary>
    [JsonProperty("clear")]
    public double Clear { get; set; }

    /// <summary>Model risk at or above which a message gets the short, gentle possible-risk check.</summary>
    [JsonProperty("possible")]
    public double Possible { get; set; }

    /// <summary>The output labels: "none", "past", then the risk classes' ids.</summary>
    [JsonProperty("labels")]
    public List<string> Labels { get; set; } = [];

    [JsonProperty("bias")]
    public List<double> Bias { get; set; } = [];

    /// <summary>One row per label: the embedding's weights, then the lexicon features' (<see cref="LexiconReading.Features"/>).</summary>
    [JsonProperty("weights")]
    public List<List<double>> Weights { get; set; } = [];

    public int Inputs => SentenceEmbedder.Dimensions + LexiconReading.FeatureCount;

    /// <summary>The probability of each label for one embedding and the lexicon's features.</summary>
    public double[] Probabilities(float[] embedding, float[] lexicon)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(lexicon);
        var scores = new double[Labels.Count];
        for (var k = 0; k < scores.Length; k++)
        {
            var row = Weights[k];
            var sum = Bias[k];
            for (var j = 0; j < embedding.Length; j++)
            {
                sum += row[j] * embedding[j];
            }

            for (var j = 0; j < lexicon.Length; j++)
            {
                sum += row[embedding.Length + j] * lexicon[j];
            }

            scores[k] = sum;
        }

        return Softmax(scores);
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

        if (Bias.Count != Labels.Count || Weights.Count != Labels.Count || Weights.Any(w => w.Count != Inputs))
        {
            return $"expected {Labels.Count} rows of {Inputs} weights and {Labels.Count} biases.";
        }

        if (!(Possible > 0 && Possible <= Clear && Clear <= 1))
        {
            return "thresholds should satisfy 0 < possible <= clear <= 1.";
        }

        if (trainingSha256 is not null && !string.Equals(trainingSha256, TrainingSha256, StringComparison.OrdinalIgnoreCase))
        {
            return "it was trained on other examples or another lexicon (trainingSha256 differs): run 'dotnet run --project src/ReflectBot -- train-safety' and commit the new model.json.";
        }

        if (modelSha256 is not null && !string.Equals(modelSha256, ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"it was trained for another embedding model (modelSha256 {ModelSha256[..Math.Min(12, ModelSha256.Length)]}…, this one is {modelSha256[..12]}…): run train-safety.";
        }

        return null;
    }

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
            TrainingSha256 = TrainingSha256,
            Trained = Trained,
            Clear = Math.Round(Clear, 4),
            Possible = Math.Round(Possible, 4),
            Labels = Labels,
            Bias = [.. Bias.Select(b => Math.Round(b, 6))],
            Weights = [.. Weights.Select(r => r.Select(w => Math.Round(w, 6)).ToList())],
        };
        var json = JsonConvert.SerializeObject(rounded, Formatting.Indented);

        // One row of weights per line, not one number per line.
        return System.Text.RegularExpressions.Regex.Replace(json, @"\[\s+(-?[\d.eE+-]+(,\s+-?[\d.eE+-]+)*)\s+\]", m => "[" + System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, @",\s+", ", ") + "]") + "\n";
    }

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
