using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Storage.Sealing;

/// <summary>
/// The encryption keys of everything sealed at rest: the current one (new writes) and earlier ones (reads
/// only), each known by an id derived from the key itself, which every stored item carries. Rotating is:
/// configure the new key, move the old one to <c>Journal:PreviousKeys</c>, run <c>rotate-keys</c> (which
/// re-seals every record with the new key), then retire the old key by removing it.
/// </summary>
public sealed class JournalKeyRing
{
    public const string KeyFileName = "journal.key";

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly List<(string KeyId, string Source)> _sources = [];

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
        else if (StorageKinds.IsBlob(storage.Value))
        {
            // JournalOptionsValidator stops start-up first; this guards hosts built without starting (the CLI commands).
            throw new InvalidOperationException(JournalOptionsValidator.KeyRequiredWithBlobs);
        }
        else
        {
            current = ReadOrCreateKeyFile(keyFile, logger);
        }

        CurrentKeyId = IdOf(current);
        _keys[CurrentKeyId] = current;
        _sources.Add((CurrentKeyId, JournalOptions.IsValidKey(settings.EncryptionKey) ? "Journal:EncryptionKey" : $"{keyFile} (generated)"));
        for (var i = 0; i < settings.PreviousKeys.Count; i++)
        {
            if (JournalOptions.IsValidKey(settings.PreviousKeys[i]))
            {
                var key = Convert.FromBase64String(settings.PreviousKeys[i].Trim());
                if (_keys.TryAdd(IdOf(key), key))
                {
                    _sources.Add((IdOf(key), $"Journal:PreviousKeys:{i}"));
                }
            }
        }

        // A key the bot generated before one was configured keeps opening what it wrote, until the file is
        // deleted (after "rotate-keys" has re-sealed everything with the configured key).
        if (JournalOptions.IsValidKey(settings.EncryptionKey) && ReadKeyFile(keyFile) is { } generated && _keys.TryAdd(IdOf(generated), generated))
        {
            _sources.Add((IdOf(generated), $"{keyFile} (generated before a key was configured)"));
        }
    }

    public string CurrentKeyId { get; }

    public byte[] Current => _keys[CurrentKeyId];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>The ids of every key that can open items: the current one and those kept for reading.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Each key's id and where it was configured, current first: for telling an operator which one to retire.</summary>
    public IReadOnlyList<(string KeyId, string Source)> Sources => _sources;

    /// <summary>A key for another purpose (signing export links), derived so it never equals the encryption key.</summary>
    public byte[] Derive(string purpose)
        => HKDF.DeriveKey(HashAlgorithmName.SHA256, Current, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A short public id: a hash of the key, never the key.</summary>
    public static string IdOf(byte[] key)
        => Convert.ToHexString(SHA256.HashData([.. "reflectbot-key-id:"u8, .. key]))[..12].ToLowerInvariant();

    private static byte[]? ReadKeyFile(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            return null;
        }

        return ParseKeyFile(keyFile, File.ReadAllText(keyFile));
    }

    private static byte[] ParseKeyFile(string keyFile, string text)
    {
        text = text.Trim();
        return JournalOptions.IsValidKey(text)
            ? Convert.FromBase64String(text)
            : throw new InvalidOperationException($"The journal key file {keyFile} is not 32 bytes in base64. Restore it from your backup: entries sealed with it cannot be read without it.");
    }

    // Made whole and private, once, whoever of two hosts on one data folder starts first (Storage/KeyFiles).
    private static byte[] ReadOrCreateKeyFile(string keyFile, ILogger logger)
    {
        var (key, created) = KeyFiles.ReadOrCreate(keyFile, text => ParseKeyFile(keyFile, text));
        if (created)
        {
            SealingLog.GeneratedKey(logger, keyFile);
        }
        else
        {
            SealingLog.UsingKeyFile(logger, keyFile);
        }

        return key;
    }
}
