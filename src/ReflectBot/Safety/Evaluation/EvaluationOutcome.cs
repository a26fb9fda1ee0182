namespace ReflectBot.Safety.Evaluation;

/// <summary>What the bot did with one labelled message.</summary>
public sealed record EvaluationOutcome(LabelledMessage Message, ScreenResult Result)
{
    /// <summary>A crisis reply or a possible-risk check.</summary>
    public bool Alarm => Result.IsAlarm;
}
