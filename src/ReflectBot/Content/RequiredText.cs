using System.Text;

namespace ReflectBot.Content;

/// <summary>
/// What text a lexicon pattern cannot match without: a few strings, one of which is inside every match
/// (<c>\b(took|swallowed) (the|a) whole (bottle|packet)\b</c> needs " whole "). A sentence that holds none of them
/// cannot match, so the pattern need not be run on it (<see cref="PatternSet"/>).
/// </summary>
/// <remarks>
/// Read conservatively: a construct this reader does not know (inline options, conditionals, numbered
/// back-references, class subtraction, character escapes it cannot name) gives no requirement, and the pattern then
/// runs on every sentence as before. What it knows: literal characters and escaped punctuation, groups (capturing,
/// <c>(?:</c>, named, atomic), alternation, lookarounds (zero-width, skipped), character classes and <c>.</c>
/// (any one character, so no requirement), anchors, and quantifiers (an element that may occur zero times gives no
/// requirement; one that must occur keeps its own).
/// </remarks>
public static class RequiredText
{
    /// <summary>Requirements shorter than this filter too little to be worth checking.</summary>
    public const int MinLength = 3;

    /// <summary>More alternatives than this are not worth checking one by one.</summary>
    public const int MaxStrings = 48;

    /// <summary>Strings one of which every match of <paramref name="pattern"/> contains, or null when none is known.</summary>
    public static IReadOnlyList<string>? Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            var reader = new Reader(pattern);
            var required = reader.Alternation();
            return reader.AtEnd && required is { Count: > 0 and <= MaxStrings } && required.Min(s => s.Length) >= MinLength ? required : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed class Reader(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        /// <summary>Branches separated by '|', up to ')' or the end: one of the branches' requirements, or null if any branch has none.</summary>
        public List<string>? Alternation()
        {
            var union = new List<string>();
            var known = true;
            while (true)
            {
                var branch = Sequence();
                if (branch is null)
                {
                    known = false;
                }
                else
                {
                    union.AddRange(branch);
                }

                if (_at < pattern.Length && pattern[_at] == '|')
                {
                    _at++;
                    continue;
                }

                return known ? [.. union.Distinct(StringComparer.Ordinal)] : null;
            }
        }

        /// <summary>A sequence of elements: the best requirement among the elements that must occur, and the literal runs between them.</summary>
        private List<string>? Sequence()
        {
            List<string>? best = null;
            var run = new StringBuilder();

            void Consider(List<string>? candidate)
            {
                if (candidate is { Count: > 0 } && Better(candidate, best))
                {
                    best = candidate;
                }
            }

            void EndRun()
            {
                if (run.Length > 0)
                {
                    Consider([run.ToString()]);
                    run.Clear();
                }
            }

            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                var (literal, required, zeroWidth) = Element();
                var (min, quantified) = Quantifier();
                if (literal is { } c)
                {
                    if (min == 0)
                    {
                        EndRun();
                    }
                    else
                    {
                        run.Append(c);
                        if (min != 1 || quantified)
                        {
                            EndRun();
                        }
                    }

                    continue;
                }

                EndRun();
                if (!zeroWidth && min >= 1)
                {
                    Consider(required);
                }
            }

            EndRun();
            return best;
        }

        private static bool Better(List<string> candidate, List<string>? best)
        {
            if (best is null)
            {
                return true;
            }

            var (shortest, bestShortest) = (candidate.Min(s => s.Length), best.Min(s => s.Length));
            return shortest > bestShortest || (shortest == bestShortest && candidate.Count < best.Count);
        }

        /// <summary>One element: a literal character, or what a group requires, or nothing known; and whether it is zero-width.</summary>
        private (char? Literal, List<string>? Required, bool ZeroWidth) Element()
        {
            var c = pattern[_at];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    SkipClass();
                    return (null, null, false);
                case '.':
                    _at++;
                    return (null, null, false);
                case '^' or '$':
                    _at++;
                    return (null, null, true);
                case '\\':
                    return Escape();
                case '*' or '+' or '?' or '{':
                    // A quantifier with nothing before it: not a pattern this reader knows.
                    throw new NotSupportedException();
                default:
                    _at++;
                    return (c, null, false);
            }
        }

        private (char? Literal, List<string>? Required, bool ZeroWidth) Group()
        {
            _at++;
            var zeroWidth = false;
            if (Next("?:") || Next("?>"))
            {
                _at += 2;
            }
            else if (Next("?=") || Next("?!"))
            {
                _at += 2;
                zeroWidth = true;
            }
            else if (Next("?<=") || Next("?<!"))
            {
                _at += 3;
                zeroWidth = true;
            }
            else if (Next("?<") || Next("?'"))
            {
                var close = pattern.IndexOf(pattern[_at + 1] == '<' ? '>' : '\'', _at + 2);
                if (close < 0)
                {
                    throw new NotSupportedException();
                }

                _at = close + 1;
            }
            else if (Next("?"))
            {
                // Inline options, conditionals, comments: unknown.
                throw new NotSupportedException();
            }

            var inner = Alternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
            {
                throw new NotSupportedException();
            }

            _at++;
            return (null, zeroWidth ? null : inner, zeroWidth);
        }

        private (char? Literal, List<string>? Required, bool ZeroWidth) Escape()
        {
            if (_at + 1 >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            var e = pattern[_at + 1];
            _at += 2;
            switch (e)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return (null, null, true);
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return (null, null, false);
                case 'p' or 'P':
                    var close = pattern.IndexOf('}', _at);
                    if (_at >= pattern.Length || pattern[_at] != '{' || close < 0)
                    {
                        throw new NotSupportedException();
                    }

                    _at = close + 1;
                    return (null, null, false);
                case 'k':
                    // A named back-reference: it matches something, nothing known.
                    var end = pattern.IndexOfAny(['>', '\''], _at);
                    if (end < 0)
                    {
                        throw new NotSupportedException();
                    }

                    _at = end + 1;
                    return (null, null, false);
                default:
                    // Escaped punctuation stands for itself; letters and digits name something else (\t, \1, \u0041).
                    return char.IsAsciiLetterOrDigit(e) ? throw new NotSupportedException() : (e, null, false);
            }
        }

        private void SkipClass()
        {
            var i = _at + 1;
            if (i < pattern.Length && pattern[i] == '^')
            {
                i++;
            }

            if (i < pattern.Length && pattern[i] == ']')
            {
                i++;
            }

            for (; i < pattern.Length && pattern[i] != ']'; i++)
            {
                if (pattern[i] == '\\')
                {
                    i++;
                }
                else if (pattern[i] == '[')
                {
                    // Class subtraction ([a-z-[aeiou]]) or a nested bracket: unknown.
                    throw new NotSupportedException();
                }
            }

            if (i >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            _at = i + 1;
        }

        /// <summary>The least number of times the element before must occur (1 with no quantifier), and whether a quantifier was there.</summary>
        private (int Min, bool Quantified) Quantifier()
        {
            if (_at >= pattern.Length)
            {
                return (1, false);
            }

            int min;
            switch (pattern[_at])
            {
                case '?' or '*':
                    min = 0;
                    _at++;
                    break;
                case '+':
                    min = 1;
                    _at++;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _at);
                    var body = close < 0 ? string.Empty : pattern[(_at + 1)..close];
                    var low = body.Split(',')[0];
                    if (low.Length == 0 || !low.All(char.IsAsciiDigit) || !body.All(ch => char.IsAsciiDigit(ch) || ch == ','))
                    {
                        // Not a quantifier in .NET's reading either ("{" as a literal): unknown, to be safe.
                        throw new NotSupportedException();
                    }

                    min = int.Parse(low, System.Globalization.CultureInfo.InvariantCulture);
                    _at = close + 1;
                    break;
                default:
                    return (1, false);
            }

            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++;
            }

            return (min, true);
        }

        private bool Next(string text) => string.CompareOrdinal(pattern, _at, text, 0, text.Length) == 0;
    }
}
