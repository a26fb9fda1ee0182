using System.Text.RegularExpressions;

namespace ReflectBot.Journeys;

/// <summary>
/// The one line the bot says back after free writing, made only from the writer's own words: the
/// feeling words they used, or else their first sentence. No model, no interpretation, no judgement.
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

    public static string Reflect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Thank you for taking the time to write.";
        }

        var feelings = Word().Matches(text).Select(m => m.Value).Where(FeelingWords.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).Select(w => $"\"{w.ToLowerInvariant()}\"").ToList();
        if (feelings.Count > 0)
        {
            var list = feelings.Count == 1 ? feelings[0] : string.Join(", ", feelings[..^1]) + " and " + feelings[^1];
            var noun = feelings.Count == 1 ? "word" : "words";
            return $"I notice the {noun} {list} in what you wrote. It's okay to let that be here for a moment.";
        }

        var first = Sentence().Match(text.Trim()).Value.Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var quote = words.Length <= MaxQuoteWords ? first.TrimEnd('.', '!', ',', ';') : string.Join(' ', words[..MaxQuoteWords]) + "…";
        return $"What stays with me from what you wrote: \"{quote}\". Thank you for putting it into words.";
    }

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^[^.!?\n]+[.!?]?", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();
}
