using System.Globalization;
using System.Text;

namespace ReflectBot.Safety;

/// <summary>
/// Puts a message into the one form the lexicon is written against, so that the way something is typed
/// cannot hide what it says: compatibility forms (NFKC: full-width letters, ligatures), invisible format
/// characters (zero-width spaces and joiners, soft hyphens, direction marks) removed, accents dropped,
/// look-alike letters from other scripts folded to Latin ("kіll" with a Cyrillic і), digits and signs
/// used as letters inside a word ("k1ll", "su1c1de"), letters held down ("dieeee"), curly quotes, and the
/// spellings the lexicon lists ("sucide", "wanna", "dont"). One pass over the text plus one over its
/// words: the cost is linear in the length.
/// </summary>
public static class SafetyText
{
    public static string Normalize(string text, IReadOnlyDictionary<string, string>? spellings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
                case UnicodeCategory.Control when c is not ('\n' or '\r' or '\t'):
                    continue;
            }

            letters.Append(Fold(char.ToLowerInvariant(c)));
        }

        var folded = Leet(letters);
        return Words(folded, spellings);
    }

    /// <summary>One character to what it stands for: look-alikes, quotes, dashes and spaces.</summary>
    private static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        _ when char.IsWhiteSpace(c) && c != '\n' => ' ',

        // Cyrillic and Greek letters that look like Latin ones (lower case: the text is lower-cased first).
        'а' or 'α' => 'a',
        'в' or 'β' => 'b',
        'с' or 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' or 'ё' or 'ε' => 'e',
        'һ' => 'h',
        'і' or 'ї' or 'ι' or 'ı' => 'i',
        'ј' => 'j',
        'к' or 'κ' => 'k',
        'м' => 'm',
        'п' or 'η' => 'n',
        'о' or 'ο' or 'σ' => 'o',
        'р' or 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' or 'τ' => 't',
        'υ' or 'ս' => 'u',
        'ν' or 'ѵ' => 'v',
        'ԝ' or 'ω' => 'w',
        'х' or 'χ' => 'x',
        'у' or 'γ' => 'y',
        _ => c,
    };

    /// <summary>Digits and signs between two letters of a word read as the letters they stand in for ("k1ll", "d13").</summary>
    private static StringBuilder Leet(StringBuilder text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            var stand = text[i] switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' or '+' => 't',
                _ => '\0',
            };
            if (stand != '\0' && char.IsLetter(text[i - 1]) && (char.IsLetter(text[i + 1]) || IsLeet(text[i + 1]) && i + 2 < text.Length && char.IsLetter(text[i + 2])))
            {
                text[i] = stand;
            }
        }

        return text;
    }

    private static bool IsLeet(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$' or '!';

    /// <summary>
    /// Word by word: letters held down collapse ("dieeee" to "die", "killll" to "kill"), then a listed
    /// misspelling or slang word becomes the word the lexicon uses. Spaces are collapsed; line breaks stay.
    /// </summary>
    private static string Words(StringBuilder text, IReadOnlyDictionary<string, string>? spellings)
    {
        var output = new StringBuilder(text.Length);
        var word = new StringBuilder();
        var space = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                output.Append(Word(word, spellings));
                word.Clear();
                space = false;
            }

            if (c == ' ')
            {
                if (!space && output.Length > 0)
                {
                    output.Append(' ');
                }

                space = true;
            }
            else if (i < text.Length)
            {
                // A sign after a space keeps that space ("end it ." stays apart), but no run of them.
                output.Append(c);
                space = false;
            }
        }

        return output.ToString().Trim();
    }

    private static string Word(StringBuilder word, IReadOnlyDictionary<string, string>? spellings)
    {
        var collapsed = new StringBuilder(word.Length);
        var held = false;
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            collapsed.Append(word[i]);
            if (run >= 3 && char.IsLetter(word[i]))
            {
                held = true;
            }
            else if (run == 2)
            {
                collapsed.Append(word[i]);
            }
            else if (run > 2)
            {
                collapsed.Append(word[i], run - 1);
            }

            i += run - 1;
        }

        var text = collapsed.ToString();
        if (spellings is not null)
        {
            if (spellings.TryGetValue(text, out var known))
            {
                return known;
            }

            // "killll" collapsed to "kil": the listed word with the letter doubled, if there is one.
            if (held && Doubled(text, spellings) is { } doubled)
            {
                return doubled;
            }
        }

        return text;
    }

    private static string? Doubled(string text, IReadOnlyDictionary<string, string> spellings)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var candidate = text.Insert(i, text[i].ToString());
            if (spellings.TryGetValue(candidate, out var known))
            {
                return known;
            }
        }

        return null;
    }
}
