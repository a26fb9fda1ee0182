using System.Diagnostics;
using System.Security.Cryptography;

namespace ReflectBot.Storage;

/// <summary>
/// A key the bot generates for itself into its data folder (<c>keys/</c>) when none is configured: the journal's
/// and the web chat's signing key.
/// </summary>
public static class KeyFiles
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The key in <paramref name="keyFile"/>, made first if there is none: a new 32-byte key (base64), private to the
    /// bot's account from the moment the file exists. The file is opened, created if missing, under an exclusive
    /// lock, and only the holder of the lock reads or writes it: so two hosts starting on one data folder always
    /// end up with one key (the second reads what the first wrote), and nobody reads a file still being written.
    /// An empty file (a host that stopped between creating and writing it, before anything was sealed with its
    /// key) gets a key. <c>Created</c> says whether this call made the key; <paramref name="parse"/> reads the text
    /// of a file that has one and throws on a broken one.
    /// </summary>
    public static (byte[] Key, bool Created) ReadOrCreate(string keyFile, Func<string, byte[]> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var open = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            open.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = OpenLocked(keyFile, open);
        if (stream.Length > 0)
        {
            using var reader = new StreamReader(stream);
            return (parse(reader.ReadToEnd()), false);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        stream.Flush(flushToDisk: true);
        return (key, true);
    }

    // FileShare.None is an exclusive lock on the open file (flock on Unix, a share mode on Windows), held until the
    // stream is closed and let go by the OS if the process dies; another host holding it makes the open fail.
    private static FileStream OpenLocked(string keyFile, FileStreamOptions open)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(keyFile, open);
            }
            catch (IOException) when (waited.Elapsed < LockWait && File.Exists(keyFile))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(20));
            }
        }
    }
}
