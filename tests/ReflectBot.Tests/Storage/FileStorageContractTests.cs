using Microsoft.Bot.Builder;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>The storage contract on the embedded file store.</summary>
public sealed class FileStorageContractTests : StorageContract
{
    private readonly string _folder = TempFolder.Create();

    protected override IStorage CreateStorage() => new FileStorage(Path.Combine(_folder, "state", Guid.NewGuid().ToString("N")));

    protected override IItemStore CreateItemStore() => new FileItemStore(Path.Combine(_folder, "items", Guid.NewGuid().ToString("N")));
}
