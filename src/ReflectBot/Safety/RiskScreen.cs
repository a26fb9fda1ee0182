using System.Text;
using System.Text.RegularExpressions;

namespace ReflectBot.Safety;

/// <summary>
/// Reads a message for crisis language with the lexicon in <c>dialogs/safety/lexicon.yaml</c>. Pure and
/// in memory: it needs no storage, so it works when everything else is down.
/// </summary>
public sealed partial class RiskScreen(SafetyLexicon lexicon)
{
    /// <summary>Longest text screened; a message is at most a few thousand characters (see InputLimitsMiddleware), this bounds the rest.</summary>
    public const int MaxChars = 20_000;

    public RiskClass Screen(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RiskClass.None;
        }

        var normalized = Normalize(text.Length > MaxChars ? text[..MaxChars] : text);

        // Figures of speech and other people's stories are blanked out (same length, so positions hold).
        var screened = Blank(normalized, lexicon.Idioms);
        screened = Blank(screened, lexicon.ThirdParty);

        foreach (var (risk, patterns) in lexicon.Classes)
        {
            if (patterns.Any(p => AnyLiveMatch(p, screened)))
            {
                return IsPastAndResolved(normalized) ? RiskClass.None : risk;
            }
        }

        return RiskClass.None;
    }

    private bool AnyLiveMatch(Regex pattern, string text)
    {
        try
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (!IsNegated(text[..match.Index]))
                {
                    return true;
                }
            }

            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            // A message the screen cannot read in time gets the help, not silence.
            return true;
        }
    }

    private bool IsNegated(string before)
    {
        // Only the clause the match is in counts: "I'm not sad, I want to die" is not negated.
        var clause = ClauseBoundary().Split(before)[^1];
        try
        {
            return lexicon.Negations.Any(n => n.IsMatch(clause));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private bool IsPastAndResolved(string text)
    {
        try
        {
            return lexicon.PastMarkers.Any(p => p.IsMatch(text))
                && lexicon.ResolvedMarkers.Any(p => p.IsMatch(text))
                && !lexicon.RecurrenceMarkers.Any(p => p.IsMatch(text));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Blank(string text, IReadOnlyList<Regex> patterns)
    {
        if (patterns.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var pattern in patterns)
        {
            try
            {
                foreach (Match match in pattern.Matches(text))
                {
                    Array.Fill(chars, ' ', match.Index, match.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Unblanked words can only make the screen fire more often, never less.
            }
        }

        return new string(chars);
    }

    /// <summary>Lower case, compatibility forms folded (full-width letters), curly quotes straightened, common apostrophe-less spellings restored.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                _ when char.IsWhiteSpace(c) => ' ',
                _ when char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format => ' ',
                _ => c,
            });
        }

        var spaced = MultipleSpaces().Replace(builder.ToString(), " ").Trim();
        return Contractions().Replace(spaced, m => m.Value switch
        {
            "dont" => "don't",
            "cant" => "can't",
            "wont" => "won't",
            "didnt" => "didn't",
            "doesnt" => "doesn't",
            "havent" => "haven't",
            "im" => "i'm",
            "ive" => "i've",
            _ => m.Value,
        });
    }

    [GeneratedRegex(@"[.!?;:,]|\bbut\b|\band\b|\bso\b|\bbecause\b")]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"\b(dont|cant|wont|didnt|doesnt|havent|im|ive)\b")]
    private static partial Regex Contractions();
}
