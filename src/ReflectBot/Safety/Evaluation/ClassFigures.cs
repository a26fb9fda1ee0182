namespace ReflectBot.Safety.Evaluation;

/// <summary>Counts for one class, or for all crisis classes together, in one setting (first message or mid-journey).</summary>
public sealed class ClassFigures
{
    /// <summary>Risk messages of the class, and how many got a crisis reply or a possible-risk check.</summary>
    public int Positives { get; set; }

    public int Caught { get; set; }

    /// <summary>Of the caught, how many got the full crisis reply (not only the gentle check).</summary>
    public int CaughtClear { get; set; }

    /// <summary>Of the caught, how many were read as their own class.</summary>
    public int RightClass { get; set; }

    public double Recall => Positives == 0 ? double.NaN : Caught / (double)Positives;
}
