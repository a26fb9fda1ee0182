using ReflectBot.Clinic;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Upgrade;

/// <summary>
/// Where builds before one-segment user keys (up to 68a8039) put each user's records, store by store, and where
/// they belong now. A user key was <c>{channel}/{id}</c> then, the id unescaped:
/// <list type="bullet">
/// <item>journal: <c>{channel}/{id}/{entry}</c>, now <c>{key}/{entry}</c>;</item>
/// <item>references: <c>{channel}/{id}</c>, now <c>{key}</c>;</item>
/// <item>safety: <c>plans/{channel}/{id}</c>, now <c>plans/{key}</c>; events <c>events/{channel}/{id}/{name}</c>
/// holding the user's key, now under the hash of today's key (moved by <see cref="Safety.SafetyEventStore"/>);</item>
/// <item>clinic: the same paths as now (<see cref="ClinicKeys"/>), each user segment the old key escaped whole
/// (<c>webchat%2Fid</c>) where it is today's key escaped whole (<c>webchat%3Aid</c>).</item>
/// </list>
/// Only the place is read here; what a record holds is checked against it when it is moved (<see cref="LegacyContent"/>).
/// </summary>
public static class LegacyLayout
{
    public const string Entry = "entry";
    public const string Plan = "plan";
    public const string Event = "event";
    public const string Reference = "reference";
    public const string Client = "client";
    public const string Link = "link";
    public const string Roster = "roster";
    public const string Assignment = "assignment";
    public const string SharedMark = "shared mark";
    public const string Score = "score";
    public const string WrongCodes = "wrong-code log";
    public const string JoinCode = "join code";

    /// <summary>The record under <paramref name="key"/> in the store, when its place names a user in the earlier form; null when it is where it belongs.</summary>
    public static LegacyRecord? Find(string store, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split('/');
        return store switch
        {
            ItemStoreNames.Journal => InJournal(key, segments),
            ItemStoreNames.References => UserKeys.IsKey(key) ? null : Whole(key, Reference, key, string.Empty),
            ItemStoreNames.Safety => InSafety(key, segments),
            ItemStoreNames.Clinic => InClinic(key, segments),
            _ => null,
        };
    }

    // {user}/{entry}: the user is everything before the last segment (an old id may hold '/').
    private static LegacyRecord? InJournal(string key, string[] segments)
    {
        var user = string.Join('/', segments[..^1]);
        return UserKeys.IsKey(user) ? null : Whole(key, Entry, user, "/" + segments[^1]);
    }

    private static LegacyRecord? InSafety(string key, string[] segments)
    {
        switch (segments[0])
        {
            case "plans" when segments.Length >= 2:
                var user = string.Join('/', segments[1..]);
                return UserKeys.IsKey(user) ? null : Whole(key, Plan, user, string.Empty, "plans/");

            // events/{hash or "anonymous"}/{name} now; events/{channel}/{id}/{name} before the hash.
            case "events" when segments.Length >= 4:
                var named = string.Join('/', segments[1..^1]);
                return Whole(key, Event, named, string.Empty) with { NewKey = null };
            default:
                return null;
        }
    }

    // A record whose key holds one user key written out as path segments, with a prefix and a suffix around it.
    private static LegacyRecord Whole(string key, string kind, string user, string suffix, string prefix = "")
    {
        var found = Convert(user, out var problem);
        return new LegacyRecord(key, kind, [found], found.Now is null ? null : prefix + found.Now + suffix, problem);
    }

    private static LegacyRecord? InClinic(string key, string[] segments)
    {
        // Which segments hold a user key, by folder (ClinicKeys).
        var (kind, positions) = (segments[0], segments.Length) switch
        {
            ("clients", 2) => (Client, new[] { 1 }),
            ("links", 3) => (Link, [1, 2]),
            ("rosters", 3) => (Roster, [1, 2]),
            ("assignments", 3) => (Assignment, [1]),
            ("shared", 3) => (SharedMark, [1]), // a mark written before marks had a link: shared/{client}/{entry}
            ("shared", 4) => (SharedMark, [1, 2]),
            ("scores", 3) => (Score, [1]),
            ("wrongcodes", 2) => (WrongCodes, [1]),
            _ => (string.Empty, []),
        };

        var users = new List<LegacyUser>(positions.Length);
        var moved = (string[])segments.Clone();
        string? problem = null;
        foreach (var position in positions)
        {
            var found = ClinicKeys.Unsegment(segments[position]);
            LegacyUser user;
            if (UserKeys.IsKey(found))
            {
                user = new LegacyUser(found, found);
            }
            else
            {
                user = Convert(found, out var why);
                problem ??= why;
            }

            users.Add(user);
            if (user.Now is not null)
            {
                moved[position] = ClinicKeys.Segment(user.Now);
            }
        }

        return users.TrueForAll(u => !u.IsLegacy)
            ? null
            : new LegacyRecord(key, kind, users, problem is null ? string.Join('/', moved) : null, problem);
    }

    private static LegacyUser Convert(string found, out string? problem)
    {
        if (UserKeys.TryFromLegacy(found, out var now, out problem))
        {
            return new LegacyUser(found, now);
        }

        return new LegacyUser(found, null);
    }
}
