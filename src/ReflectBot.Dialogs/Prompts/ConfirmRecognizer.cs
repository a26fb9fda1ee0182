using System.Text.RegularExpressions;
using English = Microsoft.Recognizers.Definitions.English.ChoiceDefinitions;
using French = Microsoft.Recognizers.Definitions.French.ChoiceDefinitions;
using German = Microsoft.Recognizers.Definitions.German.ChoiceDefinitions;
using Portuguese = Microsoft.Recognizers.Definitions.Portuguese.ChoiceDefinitions;
using Spanish = Microsoft.Recognizers.Definitions.Spanish.ChoiceDefinitions;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// Yes or no, from the per-language regexes of Microsoft.Recognizers.Definitions (the same ones the
/// unserved Recognizers.Text.Choice package is built on), plus the everyday English variants people
/// type in a chat ("yeah", "nah", "not now"). Hedges such as "not sure" are neither.
/// </summary>
public static partial class ConfirmRecognizer
{
    private static readonly Dictionary<string, (Regex Yes, Regex No)> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = (Build(English.TrueRegex), Build(English.FalseRegex)),
        ["es"] = (Build(Spanish.TrueRegex), Build(Spanish.FalseRegex)),
        ["fr"] = (Build(French.TrueRegex), Build(French.FalseRegex)),
        ["de"] = (Build(German.TrueRegex), Build(German.FalseRegex)),
        ["pt"] = (Build(Portuguese.TrueRegex), Build(Portuguese.FalseRegex)),
    };

    /// <summary>True for yes, false for no, null when the message is neither or both.</summary>
    public static bool? Recognize(string? text, string? culture = null)
    {
        if (string.IsNullOrWhiteSpace(text) || Hedge().IsMatch(text))
        {
            return null;
        }

        var language = (culture ?? "en").Split('-')[0];
        var (yesRegex, noRegex) = ByLanguage.GetValueOrDefault(language, ByLanguage["en"]);
        var yes = yesRegex.Match(text);
        var no = noRegex.Match(text);
        if (language.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            yes = yes.Success ? yes : MoreYes().Match(text);
            no = no.Success ? no : MoreNo().Match(text);
        }

        return (yes.Success, no.Success) switch
        {
            (true, false) => true,
            (false, true) => false,

            // Both words present ("no, yes please", "yes... well, not ok"): the earlier one is the answer;
            // where they start together ("not ok" over "ok") the longer phrase is.
            (true, true) => no.Index < yes.Index || (no.Index == yes.Index && no.Length > yes.Length) ? false : true,
            _ => null,
        };
    }

    private static Regex Build(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(yeah|yea|yup|ya|absolutely|definitely|of course|please do|go ahead|sounds good|alright|all right|okay|k|certainly|i do|i would|save it)\b|\u2705|\u2714", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreYes();

    [GeneratedRegex(@"\b(nah|nope|not now|no thanks|no thank you|never mind|nevermind|don'?t|do not|rather not|skip( it)?|i'?d rather not)\b|\u274C", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreNo();

    [GeneratedRegex(@"\b(not sure|unsure|maybe|don'?t know|dunno|idk|perhaps)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();
}
