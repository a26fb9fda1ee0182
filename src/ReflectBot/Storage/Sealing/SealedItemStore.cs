
namespace ReflectBot.Storage.Sealing;

/// <summary>
/// An <see cref="IItemStore"/> whose every item is sealed with the key ring (AES-GCM, bound to this store's
/// name and the item's key) on the way in and opened on the way out, so the features above it handle
/// plain JSON and the backend only ever holds envelopes. ETags, create-only writes, listing and deleting
/// pass straight through: no extra storage call. An item written before sealing existed (plain JSON) is
/// still read, and sealed the next time it is written (or by <c>rotate-keys</c>).
/// </summary>
public sealed class SealedItemStore : IItemStore
{
    private const int ConflictRetries = 5;

    private readonly IItemStore _inner;
    private readonly ItemCipher _cipher;

    public SealedItemStore(IItemStore inner, string storeName, ItemCipher cipher)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        StoreName = storeName;
    }

    public string StoreName { get; }

    /// <summary>The backend, holding envelopes (for tests that look at what is really stored).</summary>
    public IItemStore Inner => _inner;

    /// <summary>The item, opened; throws <see cref="System.Security.Cryptography.CryptographicException"/> when its key is not in the ring or it was altered.</summary>
    public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var item = await _inner.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return item is not null && _cipher.OpenIfSealed(StoreName, key, item.Content.Span) is { } plain
            ? item with { Content = plain }
            : item;
    }

    public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
        => _inner.WriteAsync(key, _cipher.Seal(StoreName, key, content.Span), ifMatch, createOnly, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default) => _inner.ListAsync(folder, cancellationToken);

    public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default) => _inner.DeleteFolderAsync(folder, cancellationToken);

    /// <summary>
    /// Re-seals every item that is not sealed with the current key (an earlier key, or none at all), each
    /// written back only if nobody changed it meanwhile, so it is safe while the bot runs.
    /// </summary>
    public async Task ResealAllAsync(ResealTally tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);

        // Listed first, then rewritten: a backend listing while its folder changes may skip or repeat.
        var keys = new List<string>();
        await foreach (var key in _inner.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            await ResealOneAsync(key, tally, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ResealOneAsync(string key, ResealTally tally, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var item = await _inner.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                return;
            }

            var keyId = ItemCipher.KeyIdOf(item.Content.Span);
            if (keyId == _cipher.CurrentKeyId)
            {
                tally.Current(StoreName);
                return;
            }

            byte[] plain;
            try
            {
                plain = keyId is null ? item.Content.ToArray() : _cipher.OpenBytes(StoreName, key, item.Content.Span);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                tally.Unreadable(StoreName, keyId);
                return;
            }

            try
            {
                await _inner.WriteAsync(key, _cipher.Seal(StoreName, key, plain), ifMatch: item.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
                tally.Resealed(StoreName, keyId);
                return;
            }
            catch (ETagConflictException) when (attempt < ConflictRetries)
            {
                // Written by the running bot meanwhile (with the current key, most likely): look again.
            }
        }
    }
}
