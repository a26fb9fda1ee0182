using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// Safety events in the "safety" item store: <c>events/{user}/{time}-{id}</c>, so one user's events can
/// be found and made anonymous (<c>events/anonymous/...</c>) when they delete their data, keeping the counts.
/// </summary>
public sealed class SafetyEventStore([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items)
{
    private const string Root = "events";
    private const string Anonymous = "anonymous";
    private const string TimeFormat = "yyyyMMddTHHmmssfff";

    public async Task RecordAsync(SafetyEvent safetyEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safetyEvent);
        var owner = string.IsNullOrEmpty(safetyEvent.UserId) ? Anonymous : safetyEvent.UserId;
        await items.WriteAsync(KeyOf(owner, safetyEvent), Bytes(safetyEvent), createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        await foreach (var key in items.ListAsync($"{Root}/{userId}", cancellationToken).ConfigureAwait(false))
        {
            var name = key[(key.LastIndexOf('/') + 1)..];
            var stamp = name.Split('-', 2)[0];
            if (!DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                || new DateTimeOffset(at, TimeSpan.Zero) >= since)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Removes the user from their events: each is rewritten without the user id, under anonymous/.</summary>
    public async Task<int> ForgetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var keys = new List<string>();
        await foreach (var key in items.ListAsync($"{Root}/{userId}", cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } e)
            {
                e.UserId = null;
                await items.WriteAsync(KeyOf(Anonymous, e), Bytes(e), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await items.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        await items.DeleteFolderAsync($"{Root}/{userId}", cancellationToken).ConfigureAwait(false);
        return keys.Count;
    }

    private async Task<SafetyEvent?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonConvert.DeserializeObject<SafetyEvent>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings);
    }

    private static string KeyOf(string owner, SafetyEvent e)
        => $"{Root}/{owner}/{e.TimeUtc.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{e.Id}";

    private static byte[] Bytes(SafetyEvent e) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(e, StoreJson.Settings));
}
