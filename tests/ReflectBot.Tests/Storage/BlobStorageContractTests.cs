using Microsoft.Bot.Builder;
using ReflectBot.Storage;
using ReflectBot.Storage.Blobs;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>The storage contract on Azure Blob Storage, against a real Azurite the fixture starts.</summary>
public sealed class BlobStorageContractTests(AzuriteFixture azurite) : StorageContract, IClassFixture<AzuriteFixture>
{
    protected override IStorage CreateStorage() => new BlobStorage(Containers().State);

    protected override IItemStore CreateItemStore() => new BlobItemStore(Containers().For(ItemStoreNames.Journal));

    private BlobContainers Containers()
    {
        // Fresh containers per store: tests share one Azurite and must not see each other's keys.
        var options = new BlobStorageOptions { ConnectionString = azurite.ConnectionString, ContainerPrefix = AzuriteFixture.UniquePrefix() };
        return new BlobContainers(BlobClients.Create(options), options, ItemStoreNames.All);
    }
}
