using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Numbers in words or digits, through Microsoft.Recognizers.Text.Number.</summary>
internal static partial class NumberRecognition
{
    /// <summary>
    /// The text with every "one" that is a pronoun, not a number, taken out: "the attachment one", "that one",
    /// "which one", "another one", "no one", "someone", "one of them". A scale answer that only holds such a "one"
    /// then holds no number at all and is asked again, instead of being read as a 1 (a very low mood).
    /// </summary>
    public static string WithoutPronounOnes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var without = Joined().Replace(text, " ");
        without = OneOf().Replace(without, " ");
        return Determined().Replace(without, " ");
    }

    /// <summary>Every number in the text, in order of appearance.</summary>
    public static IReadOnlyList<double> All(string? text, string culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // The common answer to a scale or number question is a bare number ("4"): the recognizer's regexes
        // read it as itself in every culture, at a cost that showed in the turn's profile.
        if (PlainWholeNumber(text) is { } plain)
        {
            return [plain];
        }

        var results = NumberRecognizer.RecognizeNumber(text, culture);
        var numbers = new List<double>(results.Count);
        foreach (var result in results)
        {
            if (TryValue(result, out var value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }

    /// <summary>One to four ASCII digits with no leading zero (or "0"), with nothing around them but white space.</summary>
    private static int? PlainWholeNumber(string text)
    {
        var digits = text.AsSpan().Trim();
        if (digits.Length is 0 or > 4 || (digits[0] == '0' && digits.Length > 1))
        {
            return null;
        }

        // NumberStyles.None: digits only (ASCII), no sign, no spaces, no separators.
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "someone", "anyone", "no one", "every one", "no-one".
    [GeneratedRegex(@"\b(?:some|any|every|no)[\s-]*one\b", Options)]
    private static partial Regex Joined();

    // "one of them", "one another", "one more thing".
    [GeneratedRegex(@"\bone\s+(?:of|another|more)\b", Options)]
    private static partial Regex OneOf();

    // "the attachment one", "that one", "which one", "another one", "the early attachment one", "this other one":
    // a determiner, at most two words that are not an article or a verb of rating ("that is a one" stays a one),
    // then "one".
    [GeneratedRegex(@"\b(?:the|that|this|which|another|other|each|any|last|next|same|first|new|old|different)\b(?:\s+(?!(?:a|an|is|was|be|been|at|about|around|like|maybe|probably|just|say|said|feel|feels|felt|more|less|or|and)\b)[\p{L}'-]+){0,2}\s+one\b", Options)]
    private static partial Regex Determined();

    private static bool TryValue(ModelResult result, out double value)
    {
        value = 0;
        return result.Resolution is not null
            && result.Resolution.TryGetValue("value", out var raw)
            && double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
