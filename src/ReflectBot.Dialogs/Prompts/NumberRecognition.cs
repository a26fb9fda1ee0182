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

    private static bool TryValue(ModelResult result, out double value)
    {
        value = 0;
        return result.Resolution is not null
            && result.Resolution.TryGetValue("value", out var raw)
            && double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
