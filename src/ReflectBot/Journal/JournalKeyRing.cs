using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>
/// The encryption keys: the current one (new writes) and earlier ones (reads only), each known by an id
/// derived from the key itself, which every stored item carries. Rotating is: configure the new key,
/// move the old one to <c>Journal:PreviousKeys</c>.
/// </summary>
public sealed class JournalKeyRing
{
    public const string KeyFileName = "journal.key";

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public JournalKeyRing(IOptions<JournalOptions> options, IOptions<StorageOptions> storage, ILogger<JournalKeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        var settings = options.Value;
        var keyFile = Path.Combine(Path.GetFullPath(storage.Value.DataPath), "keys", KeyFileName);

        byte[] current;
        if (JournalOptions.IsValidKey(settings.EncryptionKey))
        {
            current = Convert.FromBase64String(settings.EncryptionKey!.Trim());
        }
        else if (File.Exists(keyFile))
        {
            current = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
            JournalLog.UsingKeyFile(logger, keyFile);
        }
        else
        {
            current = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            File.WriteAllText(keyFile, Convert.ToBase64String(current));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            JournalLog.GeneratedKey(logger, keyFile);
        }

        CurrentKeyId = IdOf(current);
        _keys[CurrentKeyId] = current;
        foreach (var previous in settings.PreviousKeys.Where(JournalOptions.IsValidKey))
        {
            var key = Convert.FromBase64String(previous.Trim());
            _keys.TryAdd(IdOf(key), key);
        }

        // A key the bot generated before one was configured keeps opening what it wrote.
        if (JournalOptions.IsValidKey(settings.EncryptionKey) && File.Exists(keyFile))
        {
            var generated = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
            _keys.TryAdd(IdOf(generated), generated);
        }
    }

    public string CurrentKeyId { get; }

    public byte[] Current => _keys[CurrentKeyId];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>A key for another purpose (signing export links), derived so it never equals the encryption key.</summary>
    public byte[] Derive(string purpose)
        => HKDF.DeriveKey(HashAlgorithmName.SHA256, Current, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A short public id: a hash of the key, never the key.</summary>
    public static string IdOf(byte[] key)
        => Convert.ToHexString(SHA256.HashData([.. "reflectbot-key-id:"u8, .. key]))[..12].ToLowerInvariant();
}
