using System.Text.RegularExpressions;
using ReflectBot.Content;

namespace ReflectBot.Journeys;

/// <summary>
/// The one line the bot says back after free writing, made only from the writer's own words: the
/// feeling words they used, or else their first sentence that says something (three words or more: an opening "Ok." or
/// "So." quoted back reads as not listening). No model, no interpretation, no judgement.
/// </summary>
public static partial class Reflection
{
    // Feeling words people commonly write; matched as whole words, reported in the writer's own form.
    private static readonly HashSet<string> FeelingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "afraid", "alone", "angry", "annoyed", "anxious", "ashamed", "calm", "confused", "content", "disappointed",
        "drained", "embarrassed", "empty", "excited", "exhausted", "frustrated", "grateful", "guilty", "happy",
        "heavy", "helpless", "hopeful", "hopeless", "hurt", "jealous", "joyful", "lonely", "lost", "nervous",
        "numb", "overwhelmed", "peaceful", "proud", "relieved", "resentful", "restless", "sad", "scared",
        "stressed", "stuck", "tense", "tired", "uneasy", "upset", "worried",
    };

    private const int MaxQuoteWords = 14;

    private const int MinQuoteWords = 3;

    public static string Reflect(string? text, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        if (string.IsNullOrWhiteSpace(text))
        {
            return strings[JourneyStrings.ReflectNothing];
        }

        var feelings = Word().Matches(text).Select(m => m.Value).Where(FeelingWords.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).Select(w => w.ToLowerInvariant()).ToList();
        switch (feelings.Count)
        {
            case 1:
                return strings.Text(JourneyStrings.ReflectOneFeeling, ("first", feelings[0]));
            case 2:
                return strings.Text(JourneyStrings.ReflectTwoFeelings, ("first", feelings[0]), ("second", feelings[1]));
            case 3:
                return strings.Text(JourneyStrings.ReflectThreeFeelings, ("first", feelings[0]), ("second", feelings[1]), ("third", feelings[2]));
        }

        var sentences = Sentence().Matches(text.Trim()).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        var first = sentences.FirstOrDefault(s => Word().Count(s) >= MinQuoteWords) ?? sentences.FirstOrDefault() ?? text.Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var quote = words.Length <= MaxQuoteWords ? first.TrimEnd('.', '!', ',', ';') : string.Join(' ', words[..MaxQuoteWords]) + "…";
        return strings.Text(JourneyStrings.ReflectQuote, ("quote", quote));
    }

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"[^.!?\n]+[.!?]?", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();
}
