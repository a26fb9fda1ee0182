using System.Text.RegularExpressions;

namespace ReflectBot.Safety;

/// <summary>
/// Whether a message has free text worth the model's time: at least three words with letters. A number
/// ("7"), a yes or no, a button's value or a command is read by the lexicon alone.
/// </summary>
public static partial class FreeText
{
    public const int MinWords = 3;

    public static bool Has(string? text)
        => !string.IsNullOrWhiteSpace(text) && Word().Count(text) >= MinWords;

    [GeneratedRegex(@"\p{L}[\p{L}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
