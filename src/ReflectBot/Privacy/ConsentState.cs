namespace ReflectBot.Privacy;

/// <summary>Where a user stands on keeping a journal.</summary>
public enum ConsentState
{
    /// <summary>No profile in this turn (a dialog run outside the bot, as in the runtime's own tests): save as asked.</summary>
    NotTracked,

    /// <summary>Not asked yet: the first save asks.</summary>
    Unknown,

    Given,

    Refused,
}
