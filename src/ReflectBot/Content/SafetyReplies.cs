namespace ReflectBot.Content;

/// <summary>The bot's words for the safety flows, from <c>dialogs/safety/replies.yaml</c> (see that file for each one).</summary>
public sealed class SafetyReplies
{
    /// <summary>Where a typed answer's clauses end.</summary>
    private static readonly char[] ClauseBreaks = ['.', ',', '!', '?', ';', ':', '\n', '\u2026'];

    public required string CardTitle { get; init; }

    public required string NotEmergency { get; init; }

    /// <summary>Per class id: "empathy" and, for an attempt, "urgent".</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Classes { get; init; }

    public required string Trusted { get; init; }

    public required string NotifiedNobody { get; init; }

    public required string NotifiedClinician { get; init; }

    public required string CheckQuestion { get; init; }

    public required string SafeButton { get; init; }

    public required string UnsafeButton { get; init; }

    public required IReadOnlyList<string> SafeWords { get; init; }

    public required IReadOnlyList<string> UnsafeWords { get; init; }

    public required string UnsafeFirst { get; init; }

    public required string UnsafeGrounding { get; init; }

    public required string UnsafeLines { get; init; }

    public required string SafeFirst { get; init; }

    public required string SafeLines { get; init; }

    public required string SafeNoPlan { get; init; }

    public required string Grounding { get; init; }

    public required string ContinueLater { get; init; }

    public required string StayClose { get; init; }

    public required string Held { get; init; }

    public required string HeldAgain { get; init; }

    public required string LinesNow { get; init; }

    public required IReadOnlyList<string> MisreadWords { get; init; }

    public required string Misread { get; init; }

    public required string MomentSaved { get; init; }

    public required IReadOnlyList<string> Repeat { get; init; }

    public required string Possible { get; init; }

    public required string PlanCheck { get; init; }

    /// <summary>Per class id, and "default".</summary>
    public required IReadOnlyDictionary<string, string> Past { get; init; }

    public required string Phq9Thoughts { get; init; }

    public required string Phq9Plan { get; init; }

    public required string Phq9Safe { get; init; }

    public required string Phq9NotNow { get; init; }

    public required string Phq9NoPlan { get; init; }

    public required string AlertQuestion { get; init; }

    public required string AlertMessage { get; init; }

    public string Empathy(RiskClass risk)
        => Classes.TryGetValue(RiskClasses.IdOf(risk), out var texts) && texts.TryGetValue("empathy", out var text) ? text : Classes["suicidal"]["empathy"];

    public string? Urgent(RiskClass risk)
        => Classes.TryGetValue(RiskClasses.IdOf(risk), out var texts) && texts.TryGetValue("urgent", out var text) ? text : null;

    public string PastFor(RiskClass risk)
        => Past.TryGetValue(RiskClasses.IdOf(risk), out var text) ? text : Past["default"];

    /// <summary>Whether a typed message answers "Are you safe right now?": true safe, false not safe, null neither.</summary>
    public bool? CheckAnswer(string? text) => Answer(Words(text));

    /// <summary>
    /// The same for a longer message, read clause by clause ("omg stop. i am SAFE. this is just relationship stuff"):
    /// a not-safe clause anywhere wins ("i'm ok. no actually i'm not safe"), else a safe clause answers.
    /// Only for a message the screen found no risk in; the caller checks that.
    /// </summary>
    public bool? CheckAnswerInClauses(string? text)
    {
        if (CheckAnswer(text) is { } whole)
        {
            return whole;
        }

        bool? found = null;
        foreach (var clause in (text ?? string.Empty).Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (Answer(Words(clause)))
            {
                case false:
                    return false;
                case true:
                    found = true;
                    break;
            }
        }

        return found;
    }

    /// <summary>Whether the message says the bot read it wrong ("he's not abusive", "not what i meant").</summary>
    public bool SaysMisread(string? text)
    {
        var words = " " + Words(text) + " ";
        return MisreadWords.Any(w => words.Contains(" " + Words(w) + " ", StringComparison.Ordinal));
    }

    private bool? Answer(string words)
    {
        if (words.Length == 0)
        {
            return null;
        }

        if (words == Words(UnsafeButton) || UnsafeWords.Any(w => Words(w) == words))
        {
            return false;
        }

        return words == Words(SafeButton) || SafeWords.Any(w => Words(w) == words) ? true : null;
    }

    /// <summary>Lower case, straight apostrophes, letters and spaces only: "No, I'm not." and "no im not" read alike.</summary>
    private static string Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var kept = new System.Text.StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant().Replace('\u2019', '\''))
        {
            if (char.IsLetter(c) || c == ' ')
            {
                kept.Append(c);
            }
        }

        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
