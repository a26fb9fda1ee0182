using System.Runtime.CompilerServices;

namespace ReflectBot.Storage;

/// <summary>
/// <see cref="IItemStore"/> on local files: one file per item, each key segment escaped into a folder or
/// file name. Writes are atomic (temp file, then rename) and conditional writes are checked under an
/// exclusive lock on the item's lock file, so several processes may share the folder. The ETag is a
/// hash-free version stamp kept in a sidecar file.
/// </summary>
public sealed class FileItemStore : IItemStore
{
    private const string DataSuffix = ".item";
    private const string ETagSuffix = ".etag";

    // Beside an item whose key had a segment too long to keep (hashed, marked by '~', which escaping
    // never produces otherwise), so that listing gives back the exact key.
    private const string KeySuffix = ".key";

    private const string Unstamped = "\"unstamped\"";

    private readonly string _root;
    private readonly PathLocks _locks;

    public FileItemStore(string folder)
    {
        _root = Path.GetFullPath(folder);
        _locks = new PathLocks(_root);
        Directory.CreateDirectory(_root);
    }

    public string Folder => _root;

    public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);

        // Read the stamp first: a writer replaces data then stamp, so a stale stamp at worst makes the
        // next conditional write fail and retry, never succeed against the wrong content.
        var etag = await StampOfAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await File.ReadAllBytesAsync(path + DataSuffix, cancellationToken).ConfigureAwait(false);
            return new StoredItem(key, content, etag);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await _locks.RunAsync(path, async () =>
        {
            var exists = File.Exists(path + DataSuffix);
            if (createOnly && exists)
            {
                throw new ETagConflictException("An item with this key already exists.");
            }

            if (ifMatch is not null && ifMatch != "*")
            {
                var current = exists ? await StampOfAsync(path, cancellationToken).ConfigureAwait(false) : null;
                if (current != ifMatch)
                {
                    throw new ETagConflictException("The item was changed by another writer.");
                }
            }

            var etag = $"\"{Guid.NewGuid():N}\"";
            if (Path.GetRelativePath(_root, path).Contains('~', StringComparison.Ordinal))
            {
                await ReplaceAsync(path + KeySuffix, System.Text.Encoding.UTF8.GetBytes(key), cancellationToken).ConfigureAwait(false);
            }

            // Two files, so a process that dies between them leaves one: for a new item the stamp goes first
            // (a stamp alone is no item: not read, not listed, and a create-only write still goes through), for
            // one that exists the data does (readers then hold a stale stamp, which only fails their next
            // conditional write). Once the first is in, the second is written whatever cancellation says.
            var stamp = System.Text.Encoding.UTF8.GetBytes(etag);
            await ReplaceAsync(exists ? path + DataSuffix : path + ETagSuffix, exists ? content : stamp, cancellationToken).ConfigureAwait(false);
            await ReplaceAsync(exists ? path + ETagSuffix : path + DataSuffix, exists ? stamp : content, CancellationToken.None).ConfigureAwait(false);
            return etag;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            return false;
        }

        return await _locks.RunAsync(path, () =>
        {
            var existed = File.Exists(path + DataSuffix);
            File.Delete(path + DataSuffix);
            File.Delete(path + ETagSuffix);
            File.Delete(path + KeySuffix);
            return Task.FromResult(existed);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = FolderOf(folder);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*" + DataSuffix, SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file)[..^DataSuffix.Length];
            var keyFile = file[..^DataSuffix.Length] + KeySuffix;
            if (relative.Contains('~', StringComparison.Ordinal) && File.Exists(keyFile))
            {
                yield return await File.ReadAllTextAsync(keyFile, cancellationToken).ConfigureAwait(false);
                continue;
            }

            yield return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.UnescapeDataString));
        }
    }

    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var key in ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            if (await DeleteAsync(key, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }
        }

        var directory = FolderOf(folder);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return count;
    }

    // An item's stamp; one whose stamp was lost (an earlier build's write that died between its two files) has
    // a fixed one, so it is still read and still replaced only under the ETag it was read with.
    private static async Task<string> StampOfAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path + ETagSuffix, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Unstamped;
        }
    }

    private string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Path.Combine([_root, .. key.Split('/').Select(StoreKeys.Escape)]);
    }

    private string FolderOf(string folder)
        => string.IsNullOrEmpty(folder) ? _root : Path.Combine([_root, .. folder.Trim('/').Split('/').Select(StoreKeys.Escape)]);

    private static async Task ReplaceAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
