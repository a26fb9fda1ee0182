namespace ReflectBot.Content;

/// <summary>One item of a measure; <see cref="Safety"/> items send any answer above zero to the safety flow.</summary>
public sealed class MeasureItem
{
    public string Id { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public bool Safety { get; set; }
}
