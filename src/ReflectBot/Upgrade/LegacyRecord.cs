namespace ReflectBot.Upgrade;

/// <summary>
/// A stored record whose place names a user by the key builds before one-segment user keys wrote
/// (<c>{channel}/{id}</c>): its store key now, what kind of record it is, the users its key names (as found,
/// and as they are keyed today), and where it belongs now. <see cref="Problem"/> says why it cannot be moved
/// (a user id that breaks today's <see cref="ReflectBot.Kernel.IdRules"/>); it then stays where it is.
/// </summary>
public sealed record LegacyRecord(string Key, string Kind, IReadOnlyList<LegacyUser> Users, string? NewKey, string? Problem)
{
    /// <summary>Whether the record can be moved: every user its key names has a key today.</summary>
    public bool CanMove => Problem is null && NewKey is not null;
}
