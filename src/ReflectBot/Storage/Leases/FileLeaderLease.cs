using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Storage.Leases;

/// <summary>
/// A lease as an exclusive lock on a file in the data folder ({data}/leases/{name}.lock): held by whoever
/// has it open, released by the OS if that process dies, so a crashed leader never blocks the others.
/// </summary>
public sealed class FileLeaderLease(IOptions<StorageOptions> storage) : ILeaderLease
{
    private readonly string _folder = Path.Combine(Path.GetFullPath(storage.Value.DataPath), "leases");

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_folder);
        try
        {
            IAsyncDisposable held = new FileStream(Path.Combine(_folder, StoreKeys.Escape(name) + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return Task.FromResult<IAsyncDisposable?>(held);
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }
}
