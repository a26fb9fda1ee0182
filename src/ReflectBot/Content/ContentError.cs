namespace ReflectBot.Content;

/// <summary>One problem in a content file.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
