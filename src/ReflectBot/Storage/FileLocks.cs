namespace ReflectBot.Storage;

/// <summary>
/// Exclusive locks between processes on one machine: a lock file opened with FileShare.None (an
/// advisory flock on Linux, a share lock on Windows), retried briefly while another holder has it.
/// </summary>
public static class FileLocks
{
    /// <summary>
    /// The lock file for an item of a store rooted at <paramref name="root"/>: named by a hash of the
    /// item's path, in the store's ".locks" folder, so no lock file names a user (and "delete my data"
    /// leaves no trace of who was here).
    /// </summary>
    public static string PathFor(string root, string itemPath)
    {
        var folder = LocksFolder(root);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(itemPath)));
        return Path.Combine(folder, hash[..32] + ".lock");
    }

    /// <summary>The store's ".locks" folder; <see cref="PathLocks"/> creates it once, not on every write.</summary>
    public static string LocksFolder(string root) => Path.Combine(root, ".locks");

    public static async Task<FileStream> AcquireAsync(string lockPath, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (DirectoryNotFoundException) when (attempt < 1000)
            {
                // The lock folder was removed under us (someone cleared the data folder): make it again.
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            }
            catch (IOException) when (attempt < 1000)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2 + attempt, 20)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
