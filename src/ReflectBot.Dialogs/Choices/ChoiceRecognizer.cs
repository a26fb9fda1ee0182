using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ReflectBot.Dialogs.Choices;

/// <summary>
/// Finds which choice a message picks: by its number ("2", "two", "the second one"), by its value or a
/// synonym, whole or as words inside the message. An ambiguous message (two choices equally good)
/// picks nothing, so the prompt asks again rather than guessing.
/// </summary>
public static partial class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var utterance = Normalize(text);
        if (utterance.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        // Whole-message matches on a value or synonym win outright.
        for (var i = 0; i < choices.Count; i++)
        {
            if (Normalize(choices[i].Value) == utterance)
            {
                return new FoundChoice(choices[i].Value, i, "value");
            }
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Synonyms.Any(s => Normalize(s) == utterance))
            {
                return new FoundChoice(choices[i].Value, i, "synonym");
            }
        }

        var byNumber = ByNumber(utterance, choices, culture ?? Culture.English);
        if (byNumber is not null)
        {
            return byNumber;
        }

        return ByWords(utterance, choices);
    }

    private static FoundChoice? ByNumber(string utterance, IReadOnlyList<Choice> choices, string culture)
    {
        // A number only counts when it is most of the message ("2", "number two", "the second one"),
        // so that "I slept 2 hours" is not read as choice 2.
        var ordinal = NumberRecognizer.RecognizeOrdinal(utterance, culture);
        var number = ordinal.Count > 0 ? ordinal : NumberRecognizer.RecognizeNumber(utterance, culture);
        if (number.Count != 1)
        {
            return null;
        }

        var match = number[0];
        var rest = utterance.Remove(match.Start, match.End - match.Start + 1);
        if (!FillerOnly().IsMatch(rest))
        {
            return null;
        }

        if (match.Resolution is null || !match.Resolution.TryGetValue("value", out var raw)
            || !double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value != Math.Floor(value) || value < 1 || value > choices.Count)
        {
            return null;
        }

        var index = (int)value - 1;
        return new FoundChoice(choices[index].Value, index, ordinal.Count > 0 ? "ordinal" : "number");
    }

    private static FoundChoice? ByWords(string utterance, IReadOnlyList<Choice> choices)
    {
        // Each choice's longest value or synonym found in the message, with where it was found.
        var padded = $" {utterance} ";
        var hits = new List<(FoundChoice Choice, int Start, int End)>();
        for (var i = 0; i < choices.Count; i++)
        {
            var candidates = choices[i].Synonyms.Select(s => (Text: Normalize(s), By: "synonym"))
                .Prepend((Text: Normalize(choices[i].Value), By: "value"));
            (FoundChoice Choice, int Start, int End)? best = null;
            foreach (var (candidate, by) in candidates)
            {
                var at = candidate.Length == 0 ? -1 : padded.IndexOf($" {candidate} ", StringComparison.Ordinal);
                if (at >= 0 && (best is null || candidate.Length > best.Value.End - best.Value.Start))
                {
                    best = (new FoundChoice(choices[i].Value, i, by), at, at + candidate.Length);
                }
            }

            if (best is { } hit)
            {
                hits.Add(hit);
            }
        }

        // A phrase inside a longer one that names another choice ("stress" inside "work stress") does not
        // count; two choices named in different places ("work and home") are ambiguous: ask again.
        var standing = hits
            .Where(h => !hits.Any(o => o.Choice.Index != h.Choice.Index && o.Start <= h.Start && o.End >= h.End && o.End - o.Start > h.End - h.Start))
            .ToList();
        return standing.Count == 1 ? standing[0].Choice : null;
    }

    /// <summary>Lower case, letters and digits only, "&amp;" as "and", single spaces: "Rejection &amp; abandonment!" → "rejection and abandonment".</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (c is '\'' or '\u2019')
            {
                continue; // "don't" and "dont" are the same word
            }

            if (c == '&')
            {
                // "Rejection & abandonment" is said "rejection and abandonment".
                builder.Append(builder.Length > 0 ? " and" : "and");
                space = true;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*(?:(?:the|number|no|option|choice|one|please|i|pick|choose|take|d|id|like|want)\s*)*$")]
    private static partial Regex FillerOnly();
}
