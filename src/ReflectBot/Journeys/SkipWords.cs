using System.Text.RegularExpressions;

namespace ReflectBot.Journeys;

/// <summary>
/// The whole-message ways to leave a journey's question unanswered: "skip", "pass", "skip this one", "next
/// question". Only the whole message counts, so "I skip breakfast" is still an answer.
/// </summary>
public static partial class SkipWords
{
    public static bool Is(string? text) => text is not null && Skip().IsMatch(text);

    [GeneratedRegex(@"^\s*(please\s+)?(skip(\s+(it|this|that|this\s+one|that\s+one|this\s+question|the\s+question|question))?|pass|i'll\s+pass|i’ll\s+pass|next\s+question)(\s+please)?\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Skip();
}
