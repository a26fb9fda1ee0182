using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>
/// The journal on an <see cref="IItemStore"/>: <c>{user}/{entry}</c>, one item per entry. The store seals
/// each with the key ring (AES-GCM, see <see cref="ReflectBot.Storage.Sealing.SealedItemStore"/>), so it holds only ciphertext.
/// </summary>
public sealed class JournalStore : IJournalStore
{
    private readonly IItemStore _items;
    private readonly IReadOnlyList<IJournalObserver> _observers;
    private readonly ILogger _logger;

    public JournalStore([FromKeyedServices(ItemStoreNames.Journal)] IItemStore items, IEnumerable<IJournalObserver>? observers = null, ILogger<JournalStore>? logger = null)
    {
        _items = items;
        _observers = [.. observers ?? []];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = KeyOf(entry.UserId, entry.Id);
        var content = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(entry, StoreJson.Settings));
        try
        {
            // Create-only: a retried activity maps to the same entry id and must not replace or duplicate it.
            await _items.WriteAsync(key, content, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ETagConflictException)
        {
            return false;
        }

        foreach (var observer in _observers)
        {
            await observer.OnSavedAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        UserKeys.EnsureKey(userId);
        var entries = new List<JournalEntry>();
        await foreach (var key in _items.ListAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadKeyAsync(key, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.OrderByDescending(e => e.CreatedUtc)];
    }

    public Task<JournalEntry?> ReadAsync(string userId, string entryId, CancellationToken cancellationToken = default)
        => ReadKeyAsync(KeyOf(userId, entryId), cancellationToken);

    public Task<bool> DeleteAsync(string userId, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(entryId);
        return _items.DeleteAsync(KeyOf(userId, entryId), cancellationToken);
    }

    public Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        UserKeys.EnsureKey(userId);
        return _items.DeleteFolderAsync(userId, cancellationToken);
    }

    private async Task<JournalEntry?> ReadKeyAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var item = await _items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            return item is null ? null : JsonConvert.DeserializeObject<JournalEntry>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings);
        }
        catch (CryptographicException ex)
        {
            // One unreadable entry (a key that was dropped from the ring) must not hide the rest of the journal.
            JournalLog.UnreadableEntry(_logger, ex.GetType().Name);
            return null;
        }
    }

    // The user key is one segment (UserKeys), so a user's folder holds their entries and nobody else's.
    private static string KeyOf(string userId, string entryId)
    {
        UserKeys.EnsureKey(userId);
        ArgumentException.ThrowIfNullOrEmpty(entryId);
        return entryId.Contains('/', StringComparison.Ordinal)
            ? throw new ArgumentException("An entry id is one segment.", nameof(entryId))
            : $"{userId}/{entryId}";
    }
}
