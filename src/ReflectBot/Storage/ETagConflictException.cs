namespace ReflectBot.Storage;

/// <summary>
/// A write carried an ETag that no longer matches what is stored: someone else wrote first. Nothing was
/// changed by the failed write.
/// </summary>
public sealed class ETagConflictException : Exception
{
    public ETagConflictException()
    {
    }

    public ETagConflictException(string message)
        : base(message)
    {
    }

    public ETagConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
