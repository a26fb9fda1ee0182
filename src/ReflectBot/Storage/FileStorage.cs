using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage;

/// <summary>
/// The embedded <see cref="IStorage"/>: one JSON file per key under the data folder, so the bot runs
/// with no cloud account. Same contract as the blob store: writes are atomic (temp file, then rename),
/// a write with a stale ETag fails with <see cref="ETagConflictException"/> and changes nothing, "*" or
/// no ETag overwrites. Safe across processes sharing the folder: each key is updated under an
/// exclusive lock on its own lock file.
/// </summary>
public sealed class FileStorage : IStorage, IStorageScan
{
    private readonly string _root;
    private readonly PathLocks _locks;

    public FileStorage(IOptions<StorageOptions> options)
        : this(Path.Combine(Path.GetFullPath(options?.Value.DataPath ?? ".data"), "state"))
    {
    }

    public FileStorage(string folder)
    {
        _root = Path.GetFullPath(folder);
        _locks = new PathLocks(_root);
        Directory.CreateDirectory(_root);
    }

    public string Folder => _root;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var envelope = await ReadEnvelopeAsync(PathOf(key), cancellationToken).ConfigureAwait(false);
            if (envelope is not null)
            {
                result[key] = StoreJson.ToReadResult(envelope.Document, envelope.ETag);
            }
        }

        return result;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
        => StoreJson.Typed<TStoreItem>(await ReadAsync(keys, cancellationToken).ConfigureAwait(false));

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var (document, expected) = StoreJson.ToDocument(value);
            var etag = await WriteOneAsync(key, document, expected, cancellationToken).ConfigureAwait(false);
            StoreJson.StampETag(value, etag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            var path = PathOf(key);
            await _locks.RunAsync(path, () =>
            {
                File.Delete(path);
                return Task.FromResult(0);
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<ScannedState> ScanAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_root, "*.json", SearchOption.TopDirectoryOnly))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ReadEnvelopeAsync(path, cancellationToken).ConfigureAwait(false) is { } envelope)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                yield return new ScannedState(StoreKeys.KeyOf(name), envelope.Document, envelope.ETag);
            }
        }
    }

    private async Task<string> WriteOneAsync(string key, JObject document, string? expected, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return await _locks.RunAsync(path, async () =>
        {
            if (expected == StoreJson.CreateOnlyETag)
            {
                if (await ReadEnvelopeAsync(path, cancellationToken).ConfigureAwait(false) is not null)
                {
                    throw new ETagConflictException("The item was created by another writer.");
                }
            }
            else if (expected is not null && expected != "*")
            {
                var current = await ReadEnvelopeAsync(path, cancellationToken).ConfigureAwait(false);
                if (current is null || current.ETag != expected)
                {
                    throw new ETagConflictException($"The stored item was changed by another writer (key hash {key.GetHashCode(StringComparison.Ordinal):X8}).");
                }
            }

            var etag = NewETag();
            var envelope = new JObject { ["eTag"] = etag, ["document"] = document };
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temp, envelope.ToString(Formatting.None), cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            return etag;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Envelope?> ReadEnvelopeAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        var json = JObject.Load(reader);
        return new Envelope(json.Value<string>("eTag") ?? string.Empty, json["document"] as JObject ?? []);
    }

    private string PathOf(string key) => Path.Combine(_root, StoreKeys.Escape(key) + ".json");

    private static string NewETag() => $"\"{Guid.NewGuid():N}\"";

    private sealed record Envelope(string ETag, JObject Document);
}
