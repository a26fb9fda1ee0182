using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Bot Framework state on Azure Blob Storage: one blob per key (escaped by <see cref="StoreKeys.BlobName"/>),
/// the value's JSON as the body, the blob's own ETag as the item's ETag. Same contract as
/// <see cref="FileStorage"/>: a write carrying an ETag is sent with If-Match and fails with
/// <see cref="ETagConflictException"/> (changing nothing) when someone wrote first; "*" or no ETag
/// overwrites; the new ETag is stamped back into the written value, so the next save of the same
/// state is conditional too. Several keys are read and written concurrently.
/// </summary>
public sealed class BlobStorage : IStorage, IStorageScan
{
    private readonly BlobContainer _container;

    public BlobStorage(BlobContainer container)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
    }

    public string ContainerName => _container.Name;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        var values = await Task.WhenAll(distinct.Select(key => ReadOneAsync(key, cancellationToken))).ConfigureAwait(false);
        var result = new Dictionary<string, object>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            if (values[i] is { } value)
            {
                result[distinct[i]] = value;
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
        await Task.WhenAll(changes.Select(change => WriteOneAsync(change.Key, change.Value, cancellationToken))).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key => _container.RunAsync(
            async () => (await _container.Client.GetBlobClient(StoreKeys.BlobName(key)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value,
            cancellationToken))).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ScannedState> ScanAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _container.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var blob in _container.Client.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        foreach (var name in names)
        {
            var found = await _container.RunAsync<ScannedState?>(async () =>
            {
                try
                {
                    var response = await _container.Client.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                    return new ScannedState(StoreKeys.KeyOf(name), Parse(response.Value.Content), response.Value.Details.ETag.ToString());
                }
                catch (RequestFailedException ex) when (BlobCalls.IsNotFound(ex) && !BlobCalls.IsContainerMissing(ex))
                {
                    return null;
                }
            }, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                yield return found;
            }
        }
    }

    private Task<IDictionary<string, object>?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var blob = _container.Client.GetBlobClient(StoreKeys.BlobName(key));
        return _container.RunAsync<IDictionary<string, object>?>(async () =>
        {
            try
            {
                var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                var document = Parse(response.Value.Content);
                return StoreJson.ToReadResult(document, response.Value.Details.ETag.ToString());
            }
            catch (RequestFailedException ex) when (BlobCalls.IsNotFound(ex) && !BlobCalls.IsContainerMissing(ex))
            {
                return null;
            }
        }, cancellationToken);
    }

    private async Task WriteOneAsync(string key, object value, CancellationToken cancellationToken)
    {
        var (utf8, expected) = StoreJson.ToUtf8Document(value);
        var body = BinaryData.FromBytes(utf8);
        var createOnly = expected == StoreJson.CreateOnlyETag;
        var conditional = !createOnly && expected is not null && expected != "*";
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = createOnly ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : conditional ? new BlobRequestConditions { IfMatch = new ETag(expected!) }
                : null,
        };

        var blob = _container.Client.GetBlobClient(StoreKeys.BlobName(key));
        var etag = await _container.RunAsync(async () =>
        {
            try
            {
                return await ConditionalUpload.RunAsync(blob, body, options, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (conditional && BlobCalls.IsNotFound(ex) && !BlobCalls.IsContainerMissing(ex))
            {
                // If-Match against a blob that was deleted meanwhile: the state we read is gone.
                throw new ETagConflictException("The stored item was deleted by another writer.", ex);
            }
        }, cancellationToken).ConfigureAwait(false);
        StoreJson.StampETag(value, etag);
    }

    private static JObject Parse(BinaryData content)
    {
        using var reader = new JsonTextReader(new StreamReader(content.ToStream(), Encoding.UTF8))
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };
        return JObject.Load(reader);
    }
}
