namespace ReflectBot.Content;

/// <summary>The kind of answer a step takes and its settings.</summary>
public sealed class AnswerDefinition
{
    public AnswerKind Kind { get; set; } = AnswerKind.Text;

    /// <summary>Scale bounds and the words for its ends.</summary>
    public int Min { get; set; }

    public int Max { get; set; } = 10;

    public string? MinLabel { get; set; }

    public string? MaxLabel { get; set; }

    /// <summary>The choices of a choice step.</summary>
    public List<ChoiceDefinition> Choices { get; set; } = [];

    /// <summary>The follow-ups of a scale step, by range of answers.</summary>
    public List<ScaleBand> Bands { get; set; } = [];
}
