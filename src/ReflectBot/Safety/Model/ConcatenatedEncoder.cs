namespace ReflectBot.Safety.Model;

/// <summary>
/// Two sentence encoders read the same texts; each text's vector is the first's (all-MiniLM-L6-v2, 384) followed by
/// the second's (snowflake-arctic-embed-xs, 384), each unit length as its own package gives it, so the classifier's
/// dense input is 768 floats (evaluation README, round eleven, (d)). Both must run at the same precision.
/// </summary>
public sealed class ConcatenatedEncoder : ITextEncoder
{
    private readonly MiniLmEncoder _first;
    private readonly MiniLmEncoder _second;

    public ConcatenatedEncoder(MiniLmEncoder first, MiniLmEncoder second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Precision != second.Precision)
        {
            throw new ArgumentException($"Both encoders should run at one precision ({first.Precision} and {second.Precision}).", nameof(second));
        }

        _first = first;
        _second = second;
    }

    public MiniLmEncoder First => _first;

    public MiniLmEncoder Second => _second;

    /// <summary>The first encoder's: both packages ship the same uncased BERT vocabulary, so the token counts agree.</summary>
    public WordPieceTokenizer Tokenizer => _first.Tokenizer;

    public int Dimensions => 2 * MiniLmEncoder.Dimensions;

    public ModelPrecision Precision => _first.Precision;

    public void Encode(IReadOnlyList<string> texts, Span<float> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var batch = texts.Count;
        if (vectors.Length < batch * Dimensions)
        {
            throw new ArgumentException("Room for one vector per text is needed.", nameof(vectors));
        }

        var a = new float[batch * MiniLmEncoder.Dimensions];
        var b = new float[batch * MiniLmEncoder.Dimensions];
        _first.Encode(texts, a, cancellationToken);
        _second.Encode(texts, b, cancellationToken);
        for (var i = 0; i < batch; i++)
        {
            a.AsSpan(i * MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions).CopyTo(vectors.Slice(i * Dimensions, MiniLmEncoder.Dimensions));
            b.AsSpan(i * MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions).CopyTo(vectors.Slice((i * Dimensions) + MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions));
        }
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
