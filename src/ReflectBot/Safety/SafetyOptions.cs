using ReflectBot.Safety.Model;

namespace ReflectBot.Safety;

/// <summary>Section "Safety".</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>
    /// The key an operator sends (header X-Operator-Key) to GET /admin/safety-events. While it is empty the
    /// endpoint answers 404: there is no operator access without a configured key.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>How long the crisis reply waits for the user's safety plan and region before going out without them.</summary>
    public TimeSpan StorageWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The model layer (sentence embeddings) beside the lexicon. On by default; off, the lexicon screens alone.</summary>
    public bool ModelEnabled { get; set; } = true;

    /// <summary>How long a message with free text waits for the model while it is still loading at start-up, before the lexicon screens it alone.</summary>
    public TimeSpan ModelWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The model's reading of a short message it has read before is remembered (Hosting/ModelReadingCache).
    /// On by default; off, every message with free text runs the model (for measuring the model's own cost).
    /// </summary>
    public bool RememberModelReadings { get; set; } = true;

    /// <summary>
    /// How many model runs may be in flight at once, each on one thread; readings that arrive while they are
    /// busy share the next run. Measured on 2 cores (README).
    /// </summary>
    public int ModelRunsAtOnce { get; set; } = 1;

    /// <summary>
    /// Which all-MiniLM-L6-v2 graph the model layer reads: Int8 (the default since issue 12's round nine, what
    /// dialogs/safety/model.json was trained on: the same graph with int8 weight matrices, quantised at load, 0.39 of
    /// Float32's CPU per reading on short answers, 0.49 over the development messages) or Float32 (the package's
    /// graph). Weights name the encoder they were trained on (modelSha256); start-up refuses a precision whose
    /// vectors the weights were not trained on, whose thresholds were set on other vectors, unless
    /// <see cref="ModelPrecisionEvaluationOnly"/> is set. Round nine adopted Int8 by its rule, written before its
    /// figures: cross-validated by author, recall and false alarms within a hair of Float32's (evaluation README).
    /// </summary>
    public ModelPrecision ModelPrecision { get; set; } = ModelPrecision.Int8;

    /// <summary>
    /// With Int8, the lowest cosine between this CPU's int8 and Float32 vectors of the reference texts
    /// (<see cref="Model.Int8Fidelity"/>) below which the model layer reads Float32 vectors instead, and says so in the
    /// log: CPUs without VNNI can saturate in ONNX Runtime's integer kernels, and their int8 vectors are then not the
    /// evaluated ones. 1 always reads Float32; 0 never checks.
    /// </summary>
    public double Int8FidelityBound { get; set; } = 0.95;

    /// <summary>
    /// Lets a precision run with weights trained on the other's vectors (Float32 with the shipped Int8 weights), for
    /// measuring cost and drift only (benchmarks, an evaluation): the screen's decisions then are not the evaluated
    /// ones. Never in production.
    /// </summary>
    public bool ModelPrecisionEvaluationOnly { get; set; }

    /// <summary>A second risk message within this time of the first gets the short reply, not the whole block again.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromHours(6);
}
