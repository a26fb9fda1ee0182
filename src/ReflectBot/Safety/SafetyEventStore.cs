using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// Safety events in the "safety" item store (which seals them): <c>events/{owner}/{time}-{id}</c>, where
/// the owner is a keyed hash of the user's key (<see cref="UserPseudonyms"/>), never the key itself. The
/// hash is enough to keep one person's events together, so they can be counted for their clinician and
/// made anonymous (<c>events/anonymous/...</c>) when they delete their data, keeping the operator's counts.
/// Events written before the hash existed sit under <c>events/{user key}/</c> holding the key; they are
/// still found, and <see cref="MigrateLegacyAsync"/> moves them under the hash.
/// </summary>
public sealed class SafetyEventStore([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items, UserPseudonyms pseudonyms)
{
    private const string Root = "events";
    private const string Anonymous = "anonymous";
    private const string TimeFormat = "yyyyMMddTHHmmssfff";

    public async Task RecordAsync(SafetyEvent safetyEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safetyEvent);
        var owner = string.IsNullOrEmpty(safetyEvent.UserId) ? null : await pseudonyms.OfAsync(safetyEvent.UserId, cancellationToken).ConfigureAwait(false);
        var stored = Copy(safetyEvent, owner);
        try
        {
            // Create-only, keyed by the event's id under its owner: the same event recorded twice is kept once.
            await items.WriteAsync(KeyOf(owner ?? Anonymous, stored), Bytes(stored), createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ETagConflictException)
        {
        }
    }

    /// <summary>Counts per class of the events in [from, to).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var key in items.ListAsync(Root, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } e && e.TimeUtc >= from && e.TimeUtc < to)
            {
                counts[e.Class] = counts.GetValueOrDefault(e.Class) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// How many events the user had since a moment: from the keys alone (their time is in the name), so
    /// nothing of an event's record is read. For the clinician's summary, which may show a count only.
    /// </summary>
    public async Task<int> CountOfUserAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var count = 0;
        foreach (var folder in await FoldersOfAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var key in items.ListAsync(folder, cancellationToken).ConfigureAwait(false))
            {
                if (!IsDirectlyIn(folder, key))
                {
                    continue;
                }

                var name = key[(key.LastIndexOf('/') + 1)..];
                var stamp = name.Split('-', 2)[0];
                if (!DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    || new DateTimeOffset(at, TimeSpan.Zero) >= since)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Removes the user from their events: each is rewritten without its owner, under anonymous/.</summary>
    public async Task<int> ForgetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var moved = 0;
        var folders = await FoldersOfAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var folder in folders)
        {
            moved += await MakeAnonymousAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        // The hash's folder holds this user's events only; the one named by a key of an earlier build
        // ("events/webchat/a") is also the folder above another user's ("events/webchat/a/b/..."), so only its
        // own events went from it.
        await items.DeleteFolderAsync(folders[0], cancellationToken).ConfigureAwait(false);
        return moved;
    }

    /// <summary>
    /// Moves events written with the user's key in clear (before the hash) under the hash of the user's key
    /// as this build makes it: a key in the form earlier builds wrote (<c>{channel}/{id}</c>) is turned into
    /// today's first (<see cref="UserKeys.TryFromLegacy"/>), so the events are found by the key the user has
    /// now. An event whose key cannot be turned into one is left where it is and returned with the reason.
    /// Part of <c>rotate-keys</c> and <c>upgrade-data</c>; safe to run again.
    /// </summary>
    public async Task<(int Moved, IReadOnlyList<(string Key, string Problem)> Refused)> MigrateLegacyAsync(CancellationToken cancellationToken = default)
    {
        var legacy = new List<(string Key, SafetyEvent Event)>();
        await foreach (var key in items.ListAsync(Root, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { UserId.Length: > 0 } e)
            {
                legacy.Add((key, e));
            }
        }

        var refused = new List<(string Key, string Problem)>();
        var moved = 0;
        foreach (var (key, e) in legacy)
        {
            string? userKey = e.UserId;
            if (!UserKeys.IsKey(userKey) && !UserKeys.TryFromLegacy(e.UserId, out userKey, out var problem))
            {
                refused.Add((key, problem));
                continue;
            }

            var stored = Copy(e, await pseudonyms.OfAsync(userKey, cancellationToken).ConfigureAwait(false));
            await WriteOnceAsync(KeyOf(stored.Owner!, stored), stored, cancellationToken).ConfigureAwait(false);
            await items.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        return (moved, refused);
    }

    /// <summary>
    /// Moves the events filed under the hash of one user key to the hash of another (a build that hashed the
    /// user's earlier key, <c>{channel}/{id}</c>, filed them where the user's key today does not find them);
    /// returns how many. Each is written under the new hash before it is removed from the old, so a move that
    /// stops half-way is finished by the next.
    /// </summary>
    public async Task<int> MoveOwnerAsync(string fromUserKey, string toUserKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromUserKey);
        UserKeys.EnsureKey(toUserKey);
        var from = await pseudonyms.OfAsync(fromUserKey, cancellationToken).ConfigureAwait(false);
        var to = await pseudonyms.OfAsync(toUserKey, cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        await foreach (var key in items.ListAsync($"{Root}/{from}", cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } e)
            {
                var stored = Copy(e, to);
                await WriteOnceAsync(KeyOf(to, stored), stored, cancellationToken).ConfigureAwait(false);
            }

            await items.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return keys.Count;
    }

    /// <summary>The folder of the events filed under a user key's hash (for the upgrade, to find events filed under an earlier key).</summary>
    public async Task<string> FolderOfAsync(string userKey, CancellationToken cancellationToken = default)
        => $"{Root}/{await pseudonyms.OfAsync(userKey, cancellationToken).ConfigureAwait(false)}";

    // The user's folder under the hash, and the one events written before the hash used.
    private async Task<string[]> FoldersOfAsync(string userId, CancellationToken cancellationToken)
        => [$"{Root}/{await pseudonyms.OfAsync(userId, cancellationToken).ConfigureAwait(false)}", $"{Root}/{userId}"];

    private async Task<int> MakeAnonymousAsync(string folder, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in items.ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            if (IsDirectlyIn(folder, key))
            {
                keys.Add(key);
            }
        }

        foreach (var key in keys)
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } e)
            {
                var stored = Copy(e, owner: null);
                await WriteOnceAsync(KeyOf(Anonymous, stored), stored, cancellationToken).ConfigureAwait(false);
            }

            await items.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return keys.Count;
    }

    // An event of the folder's own, not of a folder below it (a user key of an earlier build could hold '/').
    private static bool IsDirectlyIn(string folder, string key)
        => key.Length > folder.Length + 1 && key.StartsWith(folder + "/", StringComparison.Ordinal) && !key.AsSpan(folder.Length + 1).Contains('/');

    private async Task WriteOnceAsync(string key, SafetyEvent e, CancellationToken cancellationToken)
    {
        try
        {
            await items.WriteAsync(key, Bytes(e), createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ETagConflictException)
        {
            // Moved already (a run that stopped half-way): the copy there is the same event.
        }
    }

    private async Task<SafetyEvent?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonConvert.DeserializeObject<SafetyEvent>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings);
    }

    // What is stored: the event without the user's key, with its owner's hash (or none, anonymous).
    private static SafetyEvent Copy(SafetyEvent e, string? owner) => new()
    {
        Id = e.Id,
        TimeUtc = e.TimeUtc,
        Owner = owner,
        Class = e.Class,
        Offered = e.Offered,
        Channel = e.Channel,
    };

    private static string KeyOf(string owner, SafetyEvent e)
        => $"{Root}/{owner}/{e.TimeUtc.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{e.Id}";

    private static byte[] Bytes(SafetyEvent e) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(e, StoreJson.Settings));
}
