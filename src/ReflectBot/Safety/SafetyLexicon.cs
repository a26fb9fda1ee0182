using System.Text.RegularExpressions;

namespace ReflectBot.Safety;

/// <summary>The compiled content of <c>dialogs/safety/lexicon.yaml</c>; see that file for what each list means.</summary>
public sealed class SafetyLexicon
{
    public required IReadOnlyList<(RiskClass Class, IReadOnlyList<Regex> Patterns)> Classes { get; init; }

    public required IReadOnlyList<Regex> Idioms { get; init; }

    public required IReadOnlyList<Regex> Negations { get; init; }

    public required IReadOnlyList<Regex> ThirdParty { get; init; }

    public required IReadOnlyList<Regex> PastMarkers { get; init; }

    public required IReadOnlyList<Regex> ResolvedMarkers { get; init; }

    public required IReadOnlyList<Regex> RecurrenceMarkers { get; init; }

    /// <summary>
    /// Interpreted backtracking: the non-backtracking engine took over ten seconds to build this lexicon
    /// (it is built at every start). Patterns bound their gaps instead, and each match has a timeout.
    /// Text is lower-cased before matching, so no IgnoreCase.
    /// </summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant;
}
