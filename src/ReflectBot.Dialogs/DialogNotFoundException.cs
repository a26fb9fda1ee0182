namespace ReflectBot.Dialogs;

/// <summary>
/// The persisted stack names a dialog the running bot does not have (content changed between
/// deployments). Callers clear the stack and tell the user, rather than failing every turn.
/// </summary>
public sealed class DialogNotFoundException : Exception
{
    public DialogNotFoundException()
    {
    }

    public DialogNotFoundException(string dialogId)
        : base($"The dialog stack refers to '{dialogId}', which this bot does not have.")
    {
        DialogId = dialogId;
    }

    public DialogNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? DialogId { get; }
}
