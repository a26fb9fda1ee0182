namespace ReflectBot.Safety.Model;

/// <summary>
/// What the model layer reads texts through: one encoder (<see cref="MiniLmEncoder"/>) or two side by side
/// (<see cref="ConcatenatedEncoder"/>). One unit-length vector per encoder per text, in one call per batch.
/// </summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>The WordPiece tokenizer (the shared runs count tokens with it to group texts by length).</summary>
    WordPieceTokenizer Tokenizer { get; }

    /// <summary>Floats per text: 384 per encoder.</summary>
    int Dimensions { get; }

    /// <summary>Which graph runs.</summary>
    ModelPrecision Precision { get; }

    /// <summary>One vector per text into <paramref name="vectors"/> (texts.Count × <see cref="Dimensions"/>).</summary>
    void Encode(IReadOnlyList<string> texts, Span<float> vectors, CancellationToken cancellationToken = default);
}
