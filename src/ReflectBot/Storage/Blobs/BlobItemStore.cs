using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs.Models;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// <see cref="IItemStore"/> on one blob container: one blob per item, named by its key's segments each
/// escaped (<see cref="StoreKeys.BlobPath"/>), so a folder is a blob-name prefix and listing a user's
/// items is one prefix listing. The key is also kept in the blob's metadata, so listing gives back the
/// exact key even when a segment was too long and had to be hashed.
/// </summary>
public sealed class BlobItemStore : IItemStore
{
    private const string KeyMetadata = "key";
    private const int DeleteParallelism = 16;

    private readonly BlobContainer _container;

    public BlobItemStore(BlobContainer container)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
    }

    public string ContainerName => _container.Name;

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = _container.Client.GetBlobClient(StoreKeys.BlobPath(key));
        return _container.RunAsync<StoredItem?>(async () =>
        {
            try
            {
                var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                return new StoredItem(key, response.Value.Content.ToMemory(), response.Value.Details.ETag.ToString());
            }
            catch (RequestFailedException ex) when (BlobCalls.IsNotFound(ex) && !BlobCalls.IsContainerMissing(ex))
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
    {
        var blob = _container.Client.GetBlobClient(StoreKeys.BlobPath(key));
        var conditional = ifMatch is not null && ifMatch != "*";
        var options = new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [KeyMetadata] = Uri.EscapeDataString(key) },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = createOnly
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : conditional ? new BlobRequestConditions { IfMatch = new ETag(ifMatch!) } : null,
        };

        var body = BinaryData.FromBytes(content);
        return _container.RunAsync(async () =>
        {
            try
            {
                return await ConditionalUpload.RunAsync(blob, body, options, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (conditional && BlobCalls.IsNotFound(ex) && !BlobCalls.IsContainerMissing(ex))
            {
                throw new ETagConflictException("The item was deleted by another writer.", ex);
            }
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = _container.Client.GetBlobClient(StoreKeys.BlobPath(key));
        return _container.RunAsync(
            async () => (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value,
            cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _container.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var prefix = PrefixOf(folder);
        var pages = _container.Client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            Page<BlobItem> page;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                page = enumerator.Current;
            }
            catch (Exception ex) when (BlobCalls.Translate(ex, cancellationToken) is { } translated)
            {
                throw translated;
            }

            foreach (var item in page.Values)
            {
                yield return KeyOf(item);
            }
        }
    }

    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var key in ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        var count = 0;
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken }, async (key, ct) =>
        {
            if (await DeleteAsync(key, ct).ConfigureAwait(false))
            {
                Interlocked.Increment(ref count);
            }
        }).ConfigureAwait(false);
        return count;
    }

    private static string? PrefixOf(string folder)
    {
        var trimmed = folder?.Trim('/');
        return string.IsNullOrEmpty(trimmed) ? null : StoreKeys.BlobPath(trimmed) + "/";
    }

    private static string KeyOf(BlobItem item)
        => item.Metadata is { } metadata && metadata.TryGetValue(KeyMetadata, out var escaped)
            ? Uri.UnescapeDataString(escaped)
            : string.Join('/', item.Name.Split('/').Select(Uri.UnescapeDataString));
}
