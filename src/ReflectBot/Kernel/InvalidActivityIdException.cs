namespace ReflectBot.Kernel;

/// <summary>
/// An id in an activity (channel, sender or conversation) that cannot be used as part of a storage key.
/// The message says what is wrong in plain words and never repeats the id.
/// </summary>
public sealed class InvalidActivityIdException : Exception
{
    public InvalidActivityIdException()
        : this("An id in the activity cannot be used.")
    {
    }

    public InvalidActivityIdException(string message)
        : base(message)
    {
    }

    public InvalidActivityIdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
