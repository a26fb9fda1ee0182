namespace ReflectBot.Content;

/// <summary>One answer of a measure item and the points it scores.</summary>
public sealed class MeasureOption
{
    public int Value { get; set; }

    public string Label { get; set; } = string.Empty;
}
