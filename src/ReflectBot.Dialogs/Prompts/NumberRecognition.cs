using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Numbers in words or digits, through Microsoft.Recognizers.Text.Number.</summary>
internal static class NumberRecognition
{
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

    private static bool TryValue(ModelResult result, out double value)
    {
        value = 0;
        return result.Resolution is not null
            && result.Resolution.TryGetValue("value", out var raw)
            && double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
