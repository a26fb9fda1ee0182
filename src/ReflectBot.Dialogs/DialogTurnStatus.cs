namespace ReflectBot.Dialogs;

/// <summary>Where the dialog stack stands after a call into it.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty: no dialog was running and none was started.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The root dialog ended normally.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}
