using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage.Sealing;

/// <summary>
/// Bot Framework state (dialog stacks with answers in progress, safety-plan drafts, measure items, the
/// user's profile) sealed with the key ring before it reaches the backend. Each state is stored as
/// <c>{"sealed": envelope}</c>, whose plaintext is <c>{"k": state key, "d": state}</c>: the key travels
/// inside the ciphertext and is checked on opening, so a sealed state copied under another user's key does
/// not open, and a scan of the store (<see cref="ResealAllAsync"/>) can re-seal states whose stored name
/// no longer gives their key back. The ETag rides on the outer document exactly as before, so conditional
/// and create-only writes behave the same and a turn costs the same storage calls. A state written before
/// sealing existed is still read, and sealed on its next write.
/// </summary>
public sealed class SealedStorage : IStorage
{
    /// <summary>The store name bound into every state's envelope.</summary>
    public const string StoreName = "state";

    private const string SealedProperty = "sealed";
    private const int ConflictRetries = 5;

    private readonly IStorage _inner;
    private readonly ItemCipher _cipher;

    public SealedStorage(IStorage inner, ItemCipher cipher)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));
    }

    /// <summary>The backend, holding sealed documents.</summary>
    public IStorage Inner => _inner;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var stored = await _inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in stored.Keys.ToArray())
        {
            if (stored[key] is IDictionary<string, object> raw && raw.TryGetValue(SealedProperty, out var envelope))
            {
                var etag = raw.TryGetValue(StoreJson.ETagProperty, out var tag) ? tag?.ToString() ?? string.Empty : string.Empty;
                stored[key] = StoreJson.ToReadResult(Open(key, envelope), etag);
            }
        }

        return stored;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
        => StoreJson.Typed<TStoreItem>(await ReadAsync(keys, cancellationToken).ConfigureAwait(false));

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var sealedChanges = new Dictionary<string, object>(changes.Count, StringComparer.Ordinal);
        var originals = new List<(object Value, JObject Wrapper, string? Expected)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            var wrapper = Wrap(key, value);
            var expected = wrapper.Value<string>(StoreJson.ETagProperty);
            sealedChanges[key] = wrapper;
            originals.Add((value, wrapper, expected));
        }

        try
        {
            await _inner.WriteAsync(sealedChanges, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The backend stamps the new ETag on what it wrote (the wrapper); hand it on to the caller's
            // object, for each write that went through, so its next save is conditional on it.
            foreach (var (value, wrapper, expected) in originals)
            {
                if (wrapper.Value<string>(StoreJson.ETagProperty) is { } written && written != expected)
                {
                    StoreJson.StampETag(value, written);
                }
            }
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);

    /// <summary>
    /// Re-seals every state that is not sealed with the current key, each written back only if nobody
    /// changed it meanwhile. Needs a backend that can scan itself.
    /// </summary>
    public async Task ResealAllAsync(ResealTally tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var scan = _inner as IStorageScan ?? throw new InvalidOperationException($"{_inner.GetType().Name} cannot list what it holds.");
        var found = new List<ScannedState>();
        await foreach (var state in scan.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(state);
        }

        foreach (var state in found)
        {
            await ResealOneAsync(state, tally, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Changes states by what they hold (for <c>upgrade-data</c>, which rewrites user keys inside dialog state):
    /// each state is opened and handed to <paramref name="change"/> with its key; when that returns true, the
    /// changed document is written back sealed, only if nobody changed the state meanwhile (on a conflict it is
    /// read again and changed again). A state whose key its stored name does not give back, and that is not
    /// sealed, cannot be written back and is counted as left; one sealed with a key that is not configured, as
    /// unreadable. Needs a backend that can scan itself.
    /// </summary>
    public async Task<(int Changed, int Left, int Unreadable)> ChangeAllAsync(Func<string, JObject, bool> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var scan = _inner as IStorageScan ?? throw new InvalidOperationException($"{_inner.GetType().Name} cannot list what it holds.");
        var found = new List<ScannedState>();
        await foreach (var state in scan.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(state);
        }

        int changed = 0, left = 0, unreadable = 0;
        foreach (var state in found)
        {
            string? key;
            JObject document;
            try
            {
                (key, document) = state.Document[SealedProperty] is { } envelope ? OpenWithKey(envelope) : (state.Key, state.Document);
            }
            catch (CryptographicException)
            {
                unreadable++;
                continue;
            }

            if (key is null)
            {
                left++;
                continue;
            }

            var etag = state.ETag;
            for (var attempt = 0; ; attempt++)
            {
                if (!change(key, document))
                {
                    break;
                }

                try
                {
                    await _inner.WriteAsync(new Dictionary<string, object> { [key] = Wrap(key, document, etag) }, cancellationToken).ConfigureAwait(false);
                    changed++;
                    break;
                }
                catch (ETagConflictException) when (attempt < ConflictRetries)
                {
                    // The running bot wrote this state meanwhile: change what it holds now.
                    var fresh = await _inner.ReadAsync([key], cancellationToken).ConfigureAwait(false);
                    if (!fresh.TryGetValue(key, out var value) || value is not IDictionary<string, object> raw)
                    {
                        break;
                    }

                    etag = raw[StoreJson.ETagProperty]?.ToString();
                    document = raw.TryGetValue(SealedProperty, out var sealedNow)
                        ? Open(key, sealedNow)
                        : JObject.FromObject(raw.Where(p => p.Key != StoreJson.ETagProperty).ToDictionary(p => p.Key, p => p.Value), StoreJson.Serializer);
                }
            }
        }

        return (changed, left, unreadable);
    }

    private async Task ResealOneAsync(ScannedState state, ResealTally tally, CancellationToken cancellationToken)
    {
        string? key;
        JObject document;
        var etag = state.ETag;
        var keyId = (state.Document[SealedProperty] as JObject)?.Value<string>("kid");
        if (keyId == _cipher.CurrentKeyId)
        {
            tally.Current(StoreName);
            return;
        }

        try
        {
            (key, document) = keyId is null ? (state.Key, state.Document) : OpenWithKey(state.Document[SealedProperty]!);
        }
        catch (CryptographicException)
        {
            tally.Unreadable(StoreName, keyId);
            return;
        }

        if (key is null)
        {
            tally.Left(StoreName);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _inner.WriteAsync(new Dictionary<string, object> { [key] = Wrap(key, document, etag) }, cancellationToken).ConfigureAwait(false);
                tally.Resealed(StoreName, keyId);
                return;
            }
            catch (ETagConflictException) when (attempt < ConflictRetries)
            {
                // The running bot wrote this state meanwhile (sealed with the current key): look again.
                var fresh = await _inner.ReadAsync([key], cancellationToken).ConfigureAwait(false);
                if (!fresh.TryGetValue(key, out var value) || value is not IDictionary<string, object> raw)
                {
                    return;
                }

                etag = raw[StoreJson.ETagProperty]?.ToString();
                if (raw.TryGetValue(SealedProperty, out var envelope))
                {
                    if ((envelope as JObject)?.Value<string>("kid") == _cipher.CurrentKeyId)
                    {
                        tally.Current(StoreName);
                        return;
                    }

                    document = Open(key, envelope);
                }
                else
                {
                    document = JObject.FromObject(raw.Where(p => p.Key != StoreJson.ETagProperty).ToDictionary(p => p.Key, p => p.Value), StoreJson.Serializer);
                }
            }
        }
    }

    // A JSON object (the folded user document, a state read back) is sealed as it stands: no copy, no string.
    private JObject Wrap(string key, object value)
        => Wrap(StoreJson.ToUtf8Keyed(key, value as JObject ?? StoreJson.ToDocument(value).Document), StoreJson.ExpectedETagOf(value));

    private JObject Wrap(string key, JObject document, string? expected) => Wrap(StoreJson.ToUtf8Keyed(key, document), expected);

    private JObject Wrap(byte[] plain, string? expected)
    {
        var envelope = _cipher.Seal(StoreName, string.Empty, plain);
        var wrapper = new JObject { [SealedProperty] = new JRaw(Encoding.UTF8.GetString(envelope)) };
        if (expected is not null)
        {
            wrapper[StoreJson.ETagProperty] = expected;
        }

        return wrapper;
    }

    private JObject Open(string key, object envelope)
    {
        var (storedKey, document) = OpenWithKey(envelope);
        return string.Equals(storedKey, key, StringComparison.Ordinal)
            ? document
            : throw new CryptographicException("A sealed state was found under a key that is not its own.");
    }

    private (string Key, JObject Document) OpenWithKey(object envelope)
    {
        if (envelope is not JObject fields || fields.Value<int?>("v") != 1)
        {
            throw new CryptographicException("The sealed state is not an envelope.");
        }

        var plain = _cipher.Open(
            StoreName,
            string.Empty,
            fields.Value<string>("kid") ?? string.Empty,
            fields.Value<string>("n") ?? string.Empty,
            fields.Value<string>("c") ?? string.Empty,
            fields.Value<string>("t") ?? string.Empty);
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(plain), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        var json = JObject.Load(reader);
        return (json.Value<string>("k") ?? string.Empty, json["d"] as JObject ?? []);
    }
}
