using System.Text;

namespace ReflectBot.Safety.Model;

/// <summary>
/// The words and letters of a (normalized) message as the n-gram head reads them: each word, each pair of
/// neighbouring words, and each run of three to five characters across the words (" took", "ready ",
/// "used t"). They carry the stance words ("took", "already", "tonight", "used to") that a sentence
/// embedding blurs into the topic. Distinct and in ordinal order: the same text gives the same list.
/// </summary>
public static class NgramFeatures
{
    public const int MinChars = 3;

    public const int MaxChars = 5;

    public static List<string> Of(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var words = Words(normalized);
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            features.Add("w " + words[i]);
            if (i + 1 < words.Count)
            {
                features.Add("b " + words[i] + " " + words[i + 1]);
            }
        }

        var joined = " " + string.Join(' ', words) + " ";
        for (var n = MinChars; n <= MaxChars; n++)
        {
            for (var i = 0; i + n <= joined.Length; i++)
            {
                features.Add(string.Concat("c ", joined.AsSpan(i, n)));
            }
        }

        return [.. features.Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs of letters, digits and apostrophes; everything else separates words.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
