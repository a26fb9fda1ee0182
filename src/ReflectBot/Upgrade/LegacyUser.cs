namespace ReflectBot.Upgrade;

/// <summary>
/// A user named in a record's key: <see cref="Found"/> as the key has it (the earlier form, <c>{channel}/{id}</c>,
/// or already today's) and <see cref="Now"/> as it is keyed today (null when the id breaks today's rules).
/// </summary>
public sealed record LegacyUser(string Found, string? Now)
{
    /// <summary>Whether the key had the user in the earlier form.</summary>
    public bool IsLegacy => Found != Now;
}
