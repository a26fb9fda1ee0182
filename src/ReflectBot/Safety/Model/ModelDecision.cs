using ReflectBot.Content;

namespace ReflectBot.Safety.Model;

/// <summary>The graded decision over the model's label probabilities.</summary>
public static class ModelDecision
{
    /// <summary>The probability of any risk class (every label but none and past).</summary>
    public static double Risk(double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return probabilities.Skip(2).Sum();
    }

    /// <summary>
    /// The possible-risk threshold for one message: the weights' own, or the clear threshold when the message
    /// has fewer than <paramref name="minWords"/> words. A short everyday answer ("something I keep to
    /// myself", "no, keep it") has too little stance for the gentle check's lower threshold: the heads read its
    /// topic words alone.
    /// </summary>
    public static double PossibleFor(string normalized, double clear, double possible, int minWords)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return minWords > 0 && NgramFeatures.Words(normalized).Count < minWords ? clear : possible;
    }

    /// <summary>As <see cref="PossibleFor(string, double, double, int)"/> for every class's threshold at once.</summary>
    public static double[] PossibleFor(string normalized, double clear, double[] possibleByClass, int minWords)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(possibleByClass);
        return minWords > 0 && NgramFeatures.Words(normalized).Count < minWords ? [.. possibleByClass.Select(p => Math.Max(clear, p))] : possibleByClass;
    }

    /// <summary>Clear or possible risk of the likeliest risk class; else Past when past is the likeliest label; else none.</summary>
    public static ScreenResult Decide(double[] probabilities, double clear, double possible)
        => Decide(probabilities, clear, [.. Enumerable.Repeat(possible, RiskClasses.All.Count)]);

    /// <summary>
    /// As <see cref="Decide(double[], double, double)"/> with a possible-risk threshold per likeliest risk class
    /// (<see cref="RiskClasses.All"/>'s order); the full reply never comes below the class's own possible threshold.
    /// </summary>
    public static ScreenResult Decide(double[] probabilities, double clear, double[] possibleByClass)
    {
        ArgumentNullException.ThrowIfNull(possibleByClass);
        var risk = Risk(probabilities);
        var likeliest = 2;
        for (var k = 3; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[likeliest])
            {
                likeliest = k;
            }
        }

        var riskClass = RiskClasses.All[likeliest - 2];
        var possible = possibleByClass[likeliest - 2];
        clear = Math.Max(clear, possible);
        if (risk >= clear)
        {
            return new ScreenResult(RiskLevel.Clear, riskClass, "model", risk);
        }

        if (risk >= possible)
        {
            return new ScreenResult(RiskLevel.Possible, riskClass, "model", risk);
        }

        var past = probabilities[1] > probabilities[0] && probabilities[1] > risk;
        return past ? new ScreenResult(RiskLevel.Past, riskClass, "model", risk) : new ScreenResult(RiskLevel.None, RiskClass.None, "model", risk);
    }
}
