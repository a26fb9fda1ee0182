using Azure.Storage.Blobs;

namespace ReflectBot.Storage.Blobs;

/// <summary>The containers of the blob backend: one for Bot Framework state, one per item store.</summary>
public sealed class BlobContainers
{
    private readonly Dictionary<string, BlobContainer> _stores;

    public BlobContainers(BlobServiceClient service, BlobStorageOptions options, IEnumerable<string> storeNames)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        State = new BlobContainer(service.GetBlobContainerClient(options.StateContainerName));
        _stores = storeNames.Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => new BlobContainer(service.GetBlobContainerClient(options.ContainerName(name))), StringComparer.Ordinal);
    }

    public BlobContainer State { get; }

    public IEnumerable<BlobContainer> All => _stores.Values.Prepend(State);

    public BlobContainer For(string store)
        => _stores.TryGetValue(store, out var container) ? container : throw new ArgumentException($"No container is configured for the item store '{store}'.", nameof(store));
}
