using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>
/// The journal on an <see cref="IItemStore"/>: <c>{user}/{entry}</c>, one item per entry, each sealed
/// with <see cref="ItemCipher"/> (AES-GCM) so the store holds only ciphertext.
/// </summary>
public sealed class JournalStore : IJournalStore
{
    private readonly IItemStore _items;
    private readonly ItemCipher _cipher;
    private readonly IReadOnlyList<IJournalObserver> _observers;
    private readonly ILogger _logger;

    public JournalStore([FromKeyedServices(ItemStoreNames.Journal)] IItemStore items, ItemCipher cipher, IEnumerable<IJournalObserver>? observers = null, ILogger<JournalStore>? logger = null)
    {
        _items = items;
        _cipher = cipher;
        _observers = [.. observers ?? []];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = KeyOf(entry.UserId, entry.Id);
        var sealedEntry = _cipher.Seal(ItemStoreNames.Journal, key, JsonConvert.SerializeObject(entry, StoreJson.Settings));
        try
        {
            // Create-only: a retried activity maps to the same entry id and must not replace or duplicate it.
            await _items.WriteAsync(key, sealedEntry, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return _items.DeleteFolderAsync(userId, cancellationToken);
    }

    private async Task<JournalEntry?> ReadKeyAsync(string key, CancellationToken cancellationToken)
    {
        var item = await _items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<JournalEntry>(_cipher.Open(ItemStoreNames.Journal, key, item.Content.Span), StoreJson.Settings);
        }
        catch (CryptographicException ex)
        {
            // One unreadable entry (a key that was dropped from the ring) must not hide the rest of the journal.
            JournalLog.UnreadableEntry(_logger, ex.GetType().Name);
            return null;
        }
    }

    private static string KeyOf(string userId, string entryId) => $"{userId}/{entryId}";
}
