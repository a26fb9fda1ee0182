using System.Security.Cryptography;

namespace ReflectBot.Storage;

/// <summary>
/// A key the bot generates for itself into its data folder (<c>keys/</c>) when none is configured: the journal's
/// and the web chat's signing key.
/// </summary>
public static class KeyFiles
{
    /// <summary>
    /// Writes a new 32-byte key (base64) whole to a temporary file that only the bot's account can read from the
    /// moment it exists, then moves it into place without overwriting: two hosts starting on one data folder end up
    /// with the same key (the loser reads the winner's with <paramref name="read"/>), never a torn or world-readable
    /// file. <c>Created</c> says whether this call made the key.
    /// </summary>
    public static (byte[] Key, bool Created) Create(string keyFile, Func<string, byte[]?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var temporary = keyFile + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            File.Move(temporary, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temporary);
            return (read(keyFile) ?? throw new InvalidOperationException($"The key file {keyFile} vanished while it was being read."), false);
        }

        return (key, true);
    }
}
