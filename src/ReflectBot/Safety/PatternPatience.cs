using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// A second, longer try for a lexicon pattern that ran out of time. A pattern's limit is wall-clock time: a match
/// that takes microseconds still times out when its thread is kept off the CPU past the limit (a loaded machine,
/// a long garbage collection). The screen reads a sentence it could not read in time as a match, so that a
/// pattern made slow by hostile input gives help rather than silence; read on the first timeout, that gave a
/// harmless message ("new client code") the self-harm reply once, in a test run on two busy cores. So a pattern
/// that times out is read once more with <see cref="Budget"/>, and only a second timeout takes each caller's
/// fallback. Patterns cannot be slow by construction (the loader refuses unbounded repeats), so a retry is rare
/// and costs one more read of one sentence. Counted as <c>reflectbot.safety.pattern_retries</c>.
/// </summary>
public sealed class PatternPatience(TimeSpan budget)
{
    /// <summary>The retry's limit in the shipped screen: ten times the loader's one second.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    private static readonly KeyValuePair<string, object?> Read = new("outcome", "read");
    private static readonly KeyValuePair<string, object?> TimedOut = new("outcome", "timed-out");

    // Built on the first timeout of each pattern and kept as long as the pattern is.
    private readonly ConditionalWeakTable<Regex, Regex> _patient = [];

    public TimeSpan Budget => budget;

    /// <summary>Whether <paramref name="pattern"/> matches; throws <see cref="RegexMatchTimeoutException"/> only when the retry timed out too.</summary>
    public bool IsMatch(Regex pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Retry(pattern, patient => patient.IsMatch(text));
        }
    }

    /// <summary>Every match's place; throws <see cref="RegexMatchTimeoutException"/> only when the retry timed out too.</summary>
    public List<(int Index, int Length)> Matches(Regex pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return All(pattern, text);
        }
        catch (RegexMatchTimeoutException)
        {
            // What the first try found is dropped: the retry reads the sentence whole.
            return Retry(pattern, patient => All(patient, text));
        }
    }

    private T Retry<T>(Regex pattern, Func<Regex, T> read)
    {
        var patient = _patient.GetValue(pattern, p => new Regex(p.ToString(), p.Options, budget));
        try
        {
            var result = read(patient);
            ReflectBotTelemetry.SafetyPatternRetries.Add(1, Read);
            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            ReflectBotTelemetry.SafetyPatternRetries.Add(1, TimedOut);
            throw;
        }
    }

    private static List<(int Index, int Length)> All(Regex pattern, string text)
    {
        var found = new List<(int, int)>();
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            found.Add((match.Index, match.Length));
        }

        return found;
    }
}
