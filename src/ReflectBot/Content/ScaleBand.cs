namespace ReflectBot.Content;

/// <summary>A range of a scale step's answers (both ends included) and what an answer in it leads to.</summary>
public sealed class ScaleBand : AnswerFollowUp
{
    public int From { get; set; }

    public int To { get; set; }

    public bool Contains(int value) => value >= From && value <= To;
}
