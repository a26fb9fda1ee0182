namespace ReflectBot.Safety.Model;

/// <summary>What every encoder offers on top of <see cref="ITextEncoder.Encode(IReadOnlyList{string}, Span{float}, CancellationToken)"/>.</summary>
public static class TextEncoderExtensions
{
    /// <summary>One vector per text, as arrays (one run into one flat buffer, then split).</summary>
    public static float[][] Encode(this ITextEncoder encoder, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        var dimensions = encoder.Dimensions;
        var flat = new float[texts.Count * dimensions];
        encoder.Encode(texts, flat, cancellationToken);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = flat.AsSpan(i * dimensions, dimensions).ToArray();
        }

        return vectors;
    }
}
