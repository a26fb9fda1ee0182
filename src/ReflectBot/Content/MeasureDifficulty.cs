namespace ReflectBot.Content;

/// <summary>A measure's unscored closing question ("how difficult have these problems made it…") and its answers, as published.</summary>
public sealed class MeasureDifficulty
{
    public string Text { get; set; } = string.Empty;

    public List<string> Options { get; set; } = [];
}
