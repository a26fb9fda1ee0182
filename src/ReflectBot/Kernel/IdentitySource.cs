namespace ReflectBot.Kernel;

/// <summary>Who vouches for the sender of a turn.</summary>
public enum IdentitySource
{
    /// <summary>Nobody: /api/messages with no app id configured (local use and the Emulator). The ids are the caller's claim.</summary>
    Anonymous,

    /// <summary>A Bot Framework channel (Teams, Azure's Direct Line): CloudAdapter validated its token.</summary>
    Channel,

    /// <summary>This host's own web chat: the user id is the one bound into a token this host signed.</summary>
    LocalWebChat,

    /// <summary>A turn started inside this process by someone at the machine (the terminal chat).</summary>
    InProcess,

    /// <summary>The bot continuing a stored conversation by itself (a reminder, an assignment).</summary>
    Proactive,
}
