namespace ReflectBot.Channels.DirectLine;

/// <summary>The outcome of reading an Authorization header: a token, or why there is none.</summary>
public enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,

    /// <summary>Valid once, revoked since ("delete my data").</summary>
    Revoked,
}
