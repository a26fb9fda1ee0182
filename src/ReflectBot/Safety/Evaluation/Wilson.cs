namespace ReflectBot.Safety.Evaluation;

/// <summary>The Wilson score interval for a proportion: honest at small counts and near 0 or 1, where the normal approximation is not.</summary>
public static class Wilson
{
    private const double Z = 1.959963984540054;

    public static (double Low, double High) Interval(int successes, int trials)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var p = successes / (double)trials;
        var z2 = Z * Z;
        var centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        var half = Z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / (1 + (z2 / trials));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
