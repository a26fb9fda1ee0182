namespace ReflectBot.Storage;

/// <summary>
/// Exclusive locks between processes on one machine: a lock file opened with FileShare.None (an
/// advisory flock on Linux, a share lock on Windows), retried briefly while another holder has it.
/// </summary>
public static class FileLocks
{
    public static async Task<FileStream> AcquireAsync(string lockPath, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 1000)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2 + attempt, 20)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
