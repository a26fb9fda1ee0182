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
    /// NonBacktracking keeps every pattern linear in the input, so a long or crafted message cannot stall
    /// the screen that runs before everything else.
    /// </summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
}
