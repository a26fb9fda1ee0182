using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The model layer in the host and the terminal chat. Loading the embedding model takes about half a second
/// to a second and a half, so it happens in the background from the moment this is created (start-up
/// warms it), and start-up does not wait for it. A message with free text that arrives before it is ready
/// waits up to <see cref="SafetyOptions.ModelWait"/>, then is screened by the lexicon alone. The model's
/// SHA-256 is checked against the weights first: weights trained for another model never run.
/// Disposing it (the host's container does, as the process ends) waits for a load still under way: a process that
/// left while ONNX Runtime was still creating its session or running the warm-up ended in a segmentation fault
/// (exit 139) once in a CI run, after a one-message terminal chat.
/// </summary>
public sealed class SafetyModelHost : ISafetyModelLayer, IDisposable
{
    /// <summary>How long disposing waits for a load under way; a load takes 0.5-1.5 s here, 3 s on a busy CI machine.</summary>
    public static readonly TimeSpan LoadPatienceAtExit = TimeSpan.FromSeconds(30);

    private readonly Task<SafetyModelLayer?> _load;
    private readonly TimeSpan _wait;
    private readonly int _runsAtOnce;
    private readonly ModelPrecision _precision;
    private readonly bool _evaluationOnly;
    private readonly double _int8Bound;
    private readonly ILogger<SafetyModelHost> _logger;

    public SafetyModelHost(SafetyContent content, IOptions<SafetyOptions> options, ILogger<SafetyModelHost> logger)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _wait = options.Value.ModelWait;
        _runsAtOnce = options.Value.ModelRunsAtOnce;
        _precision = options.Value.ModelPrecision;
        _evaluationOnly = options.Value.ModelPrecisionEvaluationOnly;
        _int8Bound = options.Value.Int8FidelityBound;
        _load = options.Value.ModelEnabled ? Task.Run(() => Load(content.Weights)) : Task.FromResult<SafetyModelLayer?>(null);
        if (!options.Value.ModelEnabled)
        {
            SafetyLog.ModelDisabled(logger);
        }
    }

    public void Dispose()
    {
        if (_load.IsCompleted)
        {
            return;
        }

        // Wait, never throw: a failed or slow load is already logged by Load, and the process is ending.
        try
        {
            _load.Wait(LoadPatienceAtExit);
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>Whether the background load has ended (loaded, refused or failed).</summary>
    public bool LoadEnded => _load.IsCompleted;

    /// <summary>How long loading took (model check, ONNX session, first embedding), once loaded.</summary>
    public TimeSpan? LoadTime { get; private set; }

    public bool IsReady => _load.IsCompletedSuccessfully && _load.Result is not null;

    public async Task WaitReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_load.IsCompleted)
        {
            return;
        }

        try
        {
            await _load.WaitAsync(_wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            SafetyLog.ModelNotReady(_logger, _wait.TotalSeconds);
        }
    }

    public ScreenResult? Read(string text, LexiconReading reading)
        => _load.IsCompletedSuccessfully && _load.Result is { } layer ? layer.Read(text, reading) : null;

    public Task<ScreenResult?> ReadAsync(string text, LexiconReading reading, CancellationToken cancellationToken = default)
        => _load.IsCompletedSuccessfully && _load.Result is { } layer ? layer.ReadAsync(text, reading, cancellationToken) : Task.FromResult<ScreenResult?>(null);

    /// <summary>The precision of the graph the loaded layer reads (null until loaded).</summary>
    public ModelPrecision? Precision { get; private set; }

    /// <summary>The shared runs of the loaded layer (null until loaded), for the tests and the benchmark.</summary>
    public CoalescingEncoder? Runs => _load.IsCompletedSuccessfully ? _load.Result?.Runs : null;

    private SafetyModelLayer? Load(SafetyModelWeights weights)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            // The weights name the encoder whose vectors they were trained on; the other precision reads them only
            // as a measurement (ModelPrecisionValidation refuses it at start-up otherwise).
            var files = SentenceEmbedder.ModelFiles;
            var sha = files.EncoderSha256(_precision) ?? string.Empty;
            var trainedOn = ModelPrecisionValidation.TrainedOn(files, weights.ModelSha256);
            var measuring = _evaluationOnly && trainedOn is not null && trainedOn != _precision;
            if (!measuring && !string.Equals(sha, weights.ModelSha256, StringComparison.OrdinalIgnoreCase))
            {
                SafetyLog.ModelMismatch(_logger, weights.ModelSha256, sha);
                return null;
            }

            // Weights that name a second encoder (round eleven's (d)) run only with that encoder's graph of the precision they were trained on.
            if (weights.UsesSecondModel && ModelPrecisionValidation.SecondEncoderProblem(weights, measuring ? trainedOn!.Value : _precision) is not null)
            {
                SafetyLog.ModelMismatch(_logger, weights.SecondModelSha256!, SentenceEmbedder.SecondModelFiles.EncoderSha256(_precision) ?? string.Empty);
                return null;
            }

            if (measuring)
            {
                SafetyLog.ModelPrecisionEvaluationOnly(_logger, _precision, trainedOn!.Value);
            }

            var embedder = SentenceEmbedder.For(weights, _precision);
            embedder.Embed("warm up");
            if (_precision == ModelPrecision.Int8 && !measuring && _int8Bound > 0)
            {
                embedder = Faithful(embedder, files, weights);
            }
            Precision = embedder.Encoder.Precision;
            LoadTime = watch.Elapsed;
            SafetyLog.ModelLoaded(_logger, watch.Elapsed.TotalMilliseconds);
            return new SafetyModelLayer(weights, embedder, new CoalescingEncoder(embedder.Encoder, _runsAtOnce));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SafetyLog.ModelFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    // Neither the CPU nor the files change within a process, so the check's cosine is measured once per encoder pair and
    // weights, not per host: a test run starts hundreds of hosts, and each check loaded a second encoder (about 0.35 s).
    private static readonly ConcurrentDictionary<string, double> LowestSeen = new(StringComparer.Ordinal);

    // Int8 only where this CPU gives the vectors the screen was evaluated on (Int8Fidelity); elsewhere Float32 vectors
    // read the int8-trained weights: the two encoders' vectors agree to cosine 0.978 or more on a VNNI CPU, while a
    // saturating one can be further off (the reverse pairing changed 12 of 5,597 development decisions).
    // With a second encoder (round eleven's (d)) each encoder is checked the same way, and the lower cosine decides for both:
    // the weights were trained on the pair's int8 vectors, so either both read int8 or both read Float32.
    private SentenceEmbedder Faithful(SentenceEmbedder quantised, MiniLmModelFiles files, SafetyModelWeights weights)
    {
        var texts = Int8Fidelity.ReferenceTexts(weights);
        var pair = quantised.Encoder as ConcatenatedEncoder;
        var lowest = _int8Bound >= 1 ? 0 : Lowest(pair?.First ?? (MiniLmEncoder)quantised.Encoder, files, texts);
        if (pair is not null && _int8Bound < 1)
        {
            lowest = Math.Min(lowest, Lowest(pair.Second, SentenceEmbedder.SecondModelFiles, texts));
        }

        FidelityLowest = lowest;
        if (lowest >= _int8Bound)
        {
            return quantised;
        }

        SafetyLog.Int8Unfaithful(_logger, lowest, _int8Bound);
        var float32 = SentenceEmbedder.For(weights, ModelPrecision.Float32);
        float32.Embed("warm up");
        return float32;
    }

    // The quantised encoder is the process's shared one (not disposed here); the Float32 reference is read once and dropped.
    private static double Lowest(MiniLmEncoder quantised, MiniLmModelFiles files, IReadOnlyList<string> texts)
    {
        var key = string.Join('\n', [files.EncoderSha256(ModelPrecision.Int8) ?? string.Empty, files.EncoderSha256(ModelPrecision.Float32) ?? string.Empty, .. texts]);
        return LowestSeen.GetOrAdd(key, _ =>
        {
            using var reference = new SentenceEmbedder(new MiniLmEncoder(files, ModelPrecision.Float32, quantised.Pooling));
            return Int8Fidelity.Lowest(new SentenceEmbedder(quantised), reference, texts);
        });
    }

    /// <summary>The lowest cosine of the int8 check at load (null when it did not run).</summary>
    public double? FidelityLowest { get; private set; }
}
