using System.Buffers;
using System.Collections;
using System.Text.RegularExpressions;

namespace ReflectBot.Content;

/// <summary>
/// One list of the lexicon's patterns, each with the text it cannot match without (<see cref="RequiredText"/>). A
/// sentence is read against several hundred patterns, nearly all of which match nothing in it, and calling a pattern
/// costs more in setting up its scan than in scanning: the profile put the lexicon's regex calls at a tenth of a
/// turn's CPU. A pattern whose required text is not in the sentence is not called; every other pattern is, as
/// before, so every match and every decision stays the patterns' own.
/// </summary>
/// <remarks>
/// Issue 14 tried two other ways first: compiling every pattern at load put most of a second on the first reply for
/// a gain the profile could not show (a1ffbb5), and one compiled alternation per list ("is any of them here?") was
/// 2.5 times slower than the patterns one by one, as it tries every branch at every position where each pattern alone
/// jumps to where it can start.
/// </remarks>
public sealed class PatternSet : IReadOnlyList<Regex>
{
    private readonly Regex[] _patterns;
    private readonly SearchValues<string>?[] _required;

    public PatternSet(IEnumerable<Regex> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = [.. patterns];
        _required = [.. _patterns.Select(p => RequiredText.Of(p.ToString()) is { } strings && (p.Options & RegexOptions.IgnoreCase) == 0
            ? SearchValues.Create([.. strings], StringComparison.Ordinal)
            : null)];
    }

    public int Count => _patterns.Length;

    /// <summary>How many patterns have a required text (the rest are called on every sentence).</summary>
    public int WithRequiredText => _required.Count(r => r is not null);

    public Regex this[int index] => _patterns[index];

    /// <summary>False only when pattern <paramref name="index"/> cannot match <paramref name="text"/>: its required text is not in it.</summary>
    public bool MayMatch(int index, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _required[index] is not { } required || text.AsSpan().ContainsAny(required);
    }

    /// <summary>The patterns of <paramref name="patterns"/> that may match <paramref name="text"/>; a list that is not a <see cref="PatternSet"/> is read whole.</summary>
    public static IEnumerable<Regex> Candidates(IReadOnlyList<Regex> patterns, string text)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(text);
        if (patterns is not PatternSet set)
        {
            return patterns;
        }

        return Filter(set, text);

        static IEnumerable<Regex> Filter(PatternSet set, string text)
        {
            for (var i = 0; i < set._patterns.Length; i++)
            {
                if (set.MayMatch(i, text))
                {
                    yield return set._patterns[i];
                }
            }
        }
    }

    public IEnumerator<Regex> GetEnumerator() => ((IEnumerable<Regex>)_patterns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
