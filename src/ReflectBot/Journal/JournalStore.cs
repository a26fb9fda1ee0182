using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>The journal on an <see cref="IItemStore"/>: <c>{user}/{entry}</c>, one item per entry.</summary>
public sealed class JournalStore([FromKeyedServices(ItemStoreNames.Journal)] IItemStore items) : IJournalStore
{
    public async Task<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(entry, StoreJson.Settings));
        try
        {
            // Create-only: a retried activity maps to the same entry id and must not replace or duplicate it.
            await items.WriteAsync(KeyOf(entry.UserId, entry.Id), bytes, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ETagConflictException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var entries = new List<JournalEntry>();
        await foreach (var key in items.ListAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (item is not null && JsonConvert.DeserializeObject<JournalEntry>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.OrderByDescending(e => e.CreatedUtc)];
    }

    private static string KeyOf(string userId, string entryId) => $"{userId}/{entryId}";
}
