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
        var padded = $" {utterance} ";
        FoundChoice? best = null;
        var bestLength = 0;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var candidates = choices[i].Synonyms.Select(s => (Text: Normalize(s), By: "synonym"))
                .Prepend((Text: Normalize(choices[i].Value), By: "value"));
            foreach (var (candidate, by) in candidates)
            {
                if (candidate.Length == 0 || !padded.Contains($" {candidate} ", StringComparison.Ordinal))
                {
                    continue;
                }

                if (candidate.Length > bestLength)
                {
                    best = new FoundChoice(choices[i].Value, i, by);
                    bestLength = candidate.Length;
                    tie = false;
                }
                else if (candidate.Length == bestLength && best is not null && best.Index != i)
                {
                    tie = true;
                }
            }
        }

        return tie ? null : best;
    }

    /// <summary>Lower case, letters and digits only, single spaces: "Rejection & abandonment!" → "rejection abandonment".</summary>
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
