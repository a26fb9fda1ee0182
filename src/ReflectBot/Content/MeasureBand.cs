namespace ReflectBot.Content;

/// <summary>A score range, shown as numbers only.</summary>
public sealed class MeasureBand
{
    public int Min { get; set; }

    public int Max { get; set; }
}
