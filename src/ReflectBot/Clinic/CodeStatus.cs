namespace ReflectBot.Clinic;

/// <summary>What checking a join code found.</summary>
public enum CodeStatus
{
    Valid,
    Unknown,
    Expired,
    Used,
    Revoked,
    OwnCode,
    AlreadyLinked,
    TooManyTries,
}
