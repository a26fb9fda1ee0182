namespace ReflectBot.Content;

/// <summary>Content files that cannot be used, with every problem found (file, line, what is wrong).</summary>
public sealed class ContentException : Exception
{
    public ContentException()
    {
    }

    public ContentException(string message)
        : base(message)
    {
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContentException(IReadOnlyList<ContentError> errors)
        : base("The content files have errors:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? []).Select(e => "  " + e)))
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<ContentError> Errors { get; } = [];
}
