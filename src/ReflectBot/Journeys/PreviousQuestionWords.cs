using System.Text.RegularExpressions;

namespace ReflectBot.Journeys;

/// <summary>
/// The whole-message ways to go back to a journey's question before this one and answer it again: "previous
/// question", "go back a question", "change my last answer", "undo". "back" alone is not one of them: it has
/// long meant "return to what was open" (after the lines, after help), and people were told so.
/// </summary>
public static partial class PreviousQuestionWords
{
    public static bool Is(string? text) => text is not null && Previous().IsMatch(text);

    [GeneratedRegex(@"^\s*(please\s+)?(can\s+i\s+|could\s+i\s+|let\s+me\s+|i\s+want\s+to\s+|i'd\s+like\s+to\s+|i’d\s+like\s+to\s+)?(previous(\s+(question|one|step))?|undo(\s+(that|it|my\s+(last\s+)?answer))?|(go\s+)?back\s+(a|one)(\s+(question|step))?|(go\s+)?back\s+to\s+the\s+(last|previous)\s+(question|one)|(change|edit|redo|fix)\s+(my|that|the)\s+(last\s+|previous\s+)?answer)(\s+please)?\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Previous();
}
