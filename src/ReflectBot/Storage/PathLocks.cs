using System.Collections.Concurrent;

namespace ReflectBot.Storage;

/// <summary>
/// One writer at a time per file of a file-backed store: in-process writers queue on a semaphore per
/// path, other processes sharing the folder are kept out by an OS lock on the path's lock file
/// (<see cref="FileLocks"/>: FileShare.None, an exclusive advisory lock on Linux).
/// </summary>
public sealed class PathLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly string _root;

    public PathLocks(string root)
    {
        _root = root;
        Directory.CreateDirectory(FileLocks.LocksFolder(root));
    }

    public async Task<T> RunAsync<T>(string path, Func<Task<T>> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var gate = _gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var fileLock = await FileLocks.AcquireAsync(FileLocks.PathFor(_root, path), cancellationToken).ConfigureAwait(false);
            return await action().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
