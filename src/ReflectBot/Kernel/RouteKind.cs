namespace ReflectBot.Kernel;

/// <summary>What a row of the routing table answers, which decides whether a dialog in progress lets it through.</summary>
public enum RouteKind
{
    /// <summary>An answer to what the bot just asked (before any word); never held back by a dialog.</summary>
    Answer,

    /// <summary>A word that works at any moment ("help", "cancel", "menu", "back"); never held back by a dialog.</summary>
    Word,

    /// <summary>A command of the code's; a dialog's interruption policy may hold it back.</summary>
    Command,

    /// <summary>A command that content declares (a journey's <c>commands</c>); a dialog's policy may hold it back.</summary>
    ContentCommand,

    /// <summary>The dialog in progress takes the message.</summary>
    Dialog,

    /// <summary>Said with nothing in progress ("hi").</summary>
    Idle,

    /// <summary>Nothing else took the message.</summary>
    Fallback,
}
