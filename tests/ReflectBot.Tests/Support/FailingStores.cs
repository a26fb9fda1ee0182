using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Support;

/// <summary>Storage that is down: every read and write of state and of every item store throws.</summary>
public static class FailingStores
{
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton<IStorage, DownStorage>();
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, new DownItemStore());
        }
    }

    private static StorageUnavailableException Down() => new("The test made the store unavailable.");

    private sealed class DownStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => throw Down();

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => throw Down();

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => throw Down();
    }

    private sealed class DownItemStore : IItemStore
    {
        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default) => throw Down();

        public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default) => throw Down();

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => throw Down();

        public IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default) => throw Down();

        public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default) => throw Down();
    }
}
