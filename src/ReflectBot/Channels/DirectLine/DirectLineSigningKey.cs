using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ReflectBot.Storage;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The key that signs the channel's tokens: <c>DirectLine:SigningKey</c> when configured, else one the bot
/// generated on first run into <c>{Storage:DataPath}/keys/directline.key</c> (as the journal's key is), so
/// a page's token still verifies after a restart and the person keeps their user id, and so their journal.
/// </summary>
public static class DirectLineSigningKey
{
    public const string KeyFileName = "directline.key";

    public static byte[] Load(DirectLineOptions options, StorageOptions storage, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return Convert.FromBase64String(options.SigningKey.Trim());
        }

        // Off (as in Azure): no page holds a token, so nothing need outlive the process; no file, no warning.
        if (!options.IsEnabled)
        {
            return RandomNumberGenerator.GetBytes(32);
        }

        // With blobs, instances usually share no folder: each would sign with its own key, and a token
        // from one would be refused by another. Said once at start; configure the key to fix it.
        if (StorageKinds.IsBlob(storage))
        {
            DirectLineLog.SigningKeyPerInstance(logger);
        }

        var keyFile = Path.Combine(Path.GetFullPath(storage.DataPath), "keys", KeyFileName);
        var (key, created) = KeyFiles.ReadOrCreate(keyFile, text => Parse(keyFile, text));
        if (created)
        {
            DirectLineLog.GeneratedSigningKey(logger, keyFile);
        }
        else
        {
            DirectLineLog.UsingSigningKeyFile(logger, keyFile);
        }

        return key;
    }

    private static byte[] Parse(string keyFile, string text)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= 32
            ? buffer[..written]
            : throw new InvalidOperationException($"The Direct Line key file {keyFile} is not base64 of at least 32 bytes; delete it to have a new one made (open pages then start new conversations).");
    }
}
