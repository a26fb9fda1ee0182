using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Journal;

/// <summary>
/// AES-256-GCM for items at rest. The stored form is a small JSON envelope (key id, nonce, ciphertext,
/// tag); the item's store and key are bound in as associated data, so a ciphertext copied to another
/// user's key does not open.
/// </summary>
public sealed class ItemCipher(JournalKeyRing keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public byte[] Seal(string store, string key, string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[clear.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(keys.Current, TagBytes))
        {
            aes.Encrypt(nonce, clear, cipher, tag, Aad(store, key));
        }

        CryptographicOperations.ZeroMemory(clear);
        var envelope = new JObject
        {
            ["v"] = 1,
            ["kid"] = keys.CurrentKeyId,
            ["n"] = Convert.ToBase64String(nonce),
            ["c"] = Convert.ToBase64String(cipher),
            ["t"] = Convert.ToBase64String(tag),
        };
        return Encoding.UTF8.GetBytes(envelope.ToString(Formatting.None));
    }

    /// <summary>The plaintext, or throws <see cref="CryptographicException"/> when the key is unknown or the item was altered.</summary>
    public string Open(string store, string key, ReadOnlySpan<byte> stored)
    {
        JObject envelope;
        try
        {
            envelope = JObject.Parse(Encoding.UTF8.GetString(stored));
        }
        catch (JsonException ex)
        {
            throw new CryptographicException("The stored item is not an encrypted envelope.", ex);
        }

        var keyId = envelope.Value<string>("kid") ?? string.Empty;
        var secret = keys.Find(keyId) ?? throw new CryptographicException($"No key with id {keyId} is configured (Journal:EncryptionKey or Journal:PreviousKeys).");
        var nonce = Convert.FromBase64String(envelope.Value<string>("n") ?? string.Empty);
        var cipher = Convert.FromBase64String(envelope.Value<string>("c") ?? string.Empty);
        var tag = Convert.FromBase64String(envelope.Value<string>("t") ?? string.Empty);
        var clear = new byte[cipher.Length];
        using var aes = new AesGcm(secret, TagBytes);
        aes.Decrypt(nonce, cipher, tag, clear, Aad(store, key));
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>The id of the key an item was sealed with (for re-encryption after a rotation).</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> stored)
    {
        try
        {
            return JObject.Parse(Encoding.UTF8.GetString(stored)).Value<string>("kid");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Aad(string store, string key) => Encoding.UTF8.GetBytes($"reflectbot|{store}|{key}");
}
