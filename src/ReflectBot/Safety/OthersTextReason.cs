namespace ReflectBot.Safety;

/// <summary>Why text for a user was held back.</summary>
public enum OthersTextReason
{
    None,

    /// <summary>It reads as risk or crisis (the message screen's alarm): the reader should be contacted directly, not sent a note.</summary>
    RiskLanguage,

    /// <summary>It tells the reader to harm themselves, or that they are worthless or better off dead (the lexicon's <c>toReader</c>).</summary>
    HarmfulToReader,
}
