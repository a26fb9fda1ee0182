using System.Text.RegularExpressions;

namespace ReflectBot.Kernel;

/// <summary>
/// How many words of letters a message holds ("can't" is one; "7", "👍" and "?" are none): the one count behind
/// "is this free text" (the safety model's, Safety/FreeText) and "is this something said" (the conversation's
/// fallback).
/// </summary>
public static partial class OwnWords
{
    public static int Count(string? text)
        => string.IsNullOrWhiteSpace(text) ? 0 : Word().Count(text);

    [GeneratedRegex(@"\p{L}[\p{L}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
