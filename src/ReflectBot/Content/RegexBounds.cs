namespace ReflectBot.Content;

/// <summary>
/// Refuses the two shapes of pattern whose cost can explode on a backtracking engine: an unbounded gap
/// over anything (<c>.*</c>, <c>.+</c>: bound it, <c>.{0,80}</c>) and an unbounded repetition of a group
/// that itself repeats without bound (<c>(\w+ )+</c>: catastrophic backtracking). Everything else costs
/// at most a polynomial of the window it runs on, and windows are bounded (<see cref="RiskScreen.MaxWindow"/>).
/// </summary>
public static class RegexBounds
{
    /// <summary>Why the pattern is refused, or null.</summary>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        // For each open group: whether something inside it repeats without bound.
        var groups = new Stack<bool>();
        var lastWasGroupWithUnbounded = false;
        var lastWasDot = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var unbounded = IsUnboundedQuantifier(pattern, i, out var quantifierLength);
            if (quantifierLength > 0)
            {
                if (unbounded && lastWasDot)
                {
                    return "an unbounded gap (.* or .+) can make the screen slow: bound it, e.g. .{0,80}.";
                }

                if (unbounded && lastWasGroupWithUnbounded)
                {
                    return "a group that repeats without bound inside a repetition without bound (like (\\w+ )+) can make the screen slow: bound the outer one, e.g. ( \\w+){0,3}.";
                }

                if (unbounded && groups.Count > 0)
                {
                    groups.Push(groups.Pop() || true);
                }

                i += quantifierLength - 1;
                lastWasDot = false;
                lastWasGroupWithUnbounded = false;
                continue;
            }

            lastWasDot = false;
            lastWasGroupWithUnbounded = false;
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    break;
                case '(':
                    groups.Push(false);
                    break;
                case ')' when groups.Count > 0:
                    var inner = groups.Pop();
                    lastWasGroupWithUnbounded = inner;
                    if (inner && groups.Count > 0)
                    {
                        groups.Push(groups.Pop() || inner);
                    }

                    break;
                case '.':
                    lastWasDot = true;
                    break;
            }
        }

        return null;
    }

    private static bool IsUnboundedQuantifier(string pattern, int i, out int length)
    {
        length = 0;
        var c = pattern[i];
        if (c is '*' or '+')
        {
            length = i + 1 < pattern.Length && pattern[i + 1] is '?' or '+' ? 2 : 1;
            return true;
        }

        if (c == '?')
        {
            length = 1;
            return false;
        }

        if (c == '{')
        {
            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                return false;
            }

            var body = pattern[(i + 1)..close];
            var parts = body.Split(',');
            if (parts.Length is < 1 or > 2 || !parts.All(p => p.Length == 0 || p.All(char.IsAsciiDigit)) || parts[0].Length == 0)
            {
                return false;
            }

            length = close - i + 1;
            return parts.Length == 2 && parts[1].Length == 0;
        }

        return false;
    }

    private static int EndOfClass(string pattern, int open)
    {
        for (var i = open + 1; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']' && i > open + 1)
            {
                return i;
            }
        }

        return pattern.Length - 1;
    }
}
