using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Tests.Upgrade;

/// <summary>
/// Item stores that stop answering after a number of writes and deletes, as if the process had died there: the
/// real sealed stores on the data folder otherwise. Counts what it let through.
/// </summary>
public sealed class StoppingStores(int writesAndDeletes)
{
    private int _used;

    public int Used => _used;

    public void Install(IServiceCollection services)
    {
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, (sp, _) => new Stopping(
                new SealedItemStore(new FileItemStore(Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath, name)), name, sp.GetRequiredService<ItemCipher>()),
                this));
        }
    }

    private void Spend()
    {
        if (Interlocked.Increment(ref _used) > writesAndDeletes)
        {
            Interlocked.Decrement(ref _used);
            throw new StorageUnavailableException("The test stopped the run here.");
        }
    }

    private sealed class Stopping(IItemStore inner, StoppingStores budget) : IItemStore
    {
        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

        public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
        {
            budget.Spend();
            return inner.WriteAsync(key, content, ifMatch, createOnly, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
        {
            budget.Spend();
            return inner.DeleteAsync(key, cancellationToken);
        }

        public IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default) => inner.ListAsync(folder, cancellationToken);

        public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
        {
            budget.Spend();
            return inner.DeleteFolderAsync(folder, cancellationToken);
        }
    }
}
