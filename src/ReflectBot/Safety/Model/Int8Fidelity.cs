namespace ReflectBot.Safety.Model;

/// <summary>
/// Whether this machine's CPU reproduces the int8 vectors the classifier was trained and evaluated on. ONNX Runtime's
/// integer kernels add u8×s8 products in 16-bit pairs on x86 CPUs without VNNI (AVX2, AVX-512 before Cascade Lake),
/// which can saturate and move the vectors; with VNNI (where the screen was trained and evaluated) the int8 vectors
/// stayed within cosine 0.978 of Float32's over 5,597 development messages. So at load, texts made from the weights'
/// own n-grams are read both ways; below the bound (<see cref="SafetyOptions.Int8FidelityBound"/>) the host reads
/// Float32 vectors with the int8-trained weights instead: of the two, the nearer to what was evaluated.
/// </summary>
public static class Int8Fidelity
{
    /// <summary>How many reference texts are read, each made of <see cref="NgramsPerText"/> n-grams.</summary>
    public const int Texts = 24;

    private const int NgramsPerText = 6;

    /// <summary>Texts from n-grams spread evenly over the weights' vocabulary: the same every load of the same weights.</summary>
    public static IReadOnlyList<string> ReferenceTexts(SafetyModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var vocabulary = weights.Ngram.Vocabulary;
        var wanted = Texts * NgramsPerText;
        if (vocabulary.Count < wanted)
        {
            return [];
        }

        var step = vocabulary.Count / wanted;
        return [.. Enumerable.Range(0, Texts).Select(t => string.Join(' ', Enumerable.Range(0, NgramsPerText).Select(n => vocabulary[((t * NgramsPerText) + n) * step])))];
    }

    /// <summary>The lowest cosine between the two embedders' vectors of the texts (both give unit vectors); 1 for none.</summary>
    public static double Lowest(SentenceEmbedder quantised, SentenceEmbedder reference, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quantised);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return 1;
        }

        var a = quantised.EmbedMany(texts, cancellationToken);
        var b = reference.EmbedMany(texts, cancellationToken);
        var lowest = 1.0;
        for (var i = 0; i < texts.Count; i++)
        {
            var dot = 0.0;
            for (var j = 0; j < a[i].Length; j++)
            {
                dot += a[i][j] * (double)b[i][j];
            }

            lowest = Math.Min(lowest, dot);
        }

        return lowest;
    }
}
