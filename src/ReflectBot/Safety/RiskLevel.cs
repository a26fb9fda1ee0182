namespace ReflectBot.Safety;

/// <summary>How the screen reads a message, and so which reply it gets.</summary>
public enum RiskLevel
{
    /// <summary>Nothing: the message goes on to the bot.</summary>
    None = 0,

    /// <summary>A harmful experience told as over: a validating acknowledgement, and the journey carries on.</summary>
    Past,

    /// <summary>It may be risk: a short, gentle check that still names the lines.</summary>
    Possible,

    /// <summary>Risk now: the full reply for its class.</summary>
    Clear,
}
