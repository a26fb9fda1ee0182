using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReflectBot.Storage.Sealing;

/// <summary>
/// AES-256-GCM for everything personal at rest. The stored form is a small JSON envelope
/// <c>{"v":1,"kid":…,"n":…,"c":…,"t":…}</c> (key id, nonce, ciphertext, tag); the item's store and key are
/// bound in as associated data, so a ciphertext copied to another user's key, or another store, does not open.
/// </summary>
public sealed class ItemCipher(JournalKeyRing keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string CurrentKeyId => keys.CurrentKeyId;

    public byte[] Seal(string store, string key, string plaintext) => Seal(store, key, Encoding.UTF8.GetBytes(plaintext));

    public byte[] Seal(string store, string key, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        var cipher = new byte[plaintext.Length];
        Span<byte> tag = stackalloc byte[TagBytes];
        using (var aes = new AesGcm(keys.Current, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, cipher, tag, Aad(store, key));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Base64.GetMaxEncodedToUtf8Length(cipher.Length) + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("kid", keys.CurrentKeyId);
            writer.WriteBase64String("n", nonce);
            writer.WriteBase64String("c", cipher);
            writer.WriteBase64String("t", tag);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The plaintext, or throws <see cref="CryptographicException"/> when the item is not sealed, its key is unknown, or it was altered.</summary>
    public string Open(string store, string key, ReadOnlySpan<byte> stored) => Encoding.UTF8.GetString(OpenBytes(store, key, stored));

    /// <inheritdoc cref="Open"/>
    public byte[] OpenBytes(string store, string key, ReadOnlySpan<byte> stored)
        => OpenIfSealed(store, key, stored) ?? throw new CryptographicException("The stored item is not an encrypted envelope.");

    /// <summary>
    /// The plaintext of a sealed item, or null when the bytes are not an envelope at all (a record written
    /// before sealing existed); throws <see cref="CryptographicException"/> when its key is unknown or it was altered.
    /// </summary>
    public byte[]? OpenIfSealed(string store, string key, ReadOnlySpan<byte> stored)
    {
        if (!TryParse(stored, out var envelope))
        {
            return null;
        }

        return Decrypt(store, key, envelope);
    }

    /// <summary>The plaintext of an envelope already parsed into its fields (a state's envelope arrives as JSON from its backend).</summary>
    public byte[] Open(string store, string key, string keyId, string nonce, string cipher, string tag)
    {
        try
        {
            return Decrypt(store, key, new Envelope(keyId, Convert.FromBase64String(nonce), Convert.FromBase64String(cipher), Convert.FromBase64String(tag)));
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The stored envelope is not base64.", ex);
        }
    }

    /// <summary>Whether the bytes are a sealed envelope (rather than a record written before sealing, kept readable for migration).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> stored) => TryParse(stored, out _);

    /// <summary>The id of the key an item was sealed with, or null when it is not sealed (for re-encryption after a rotation).</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> stored) => TryParse(stored, out var envelope) ? envelope.KeyId : null;

    private byte[] Decrypt(string store, string key, Envelope envelope)
    {
        var secret = keys.Find(envelope.KeyId) ?? throw new CryptographicException($"No key with id {envelope.KeyId} is configured (Journal:EncryptionKey or Journal:PreviousKeys).");
        if (envelope.Nonce.Length != NonceBytes || envelope.Tag.Length != TagBytes)
        {
            throw new CryptographicException("The stored item's nonce or tag has the wrong length.");
        }

        var clear = new byte[envelope.Cipher.Length];
        using var aes = new AesGcm(secret, TagBytes);
        aes.Decrypt(envelope.Nonce, envelope.Cipher, envelope.Tag, clear, Aad(store, key));
        return clear;
    }

    private static byte[] Aad(string store, string key) => Encoding.UTF8.GetBytes($"reflectbot|{store}|{key}");

    // A hand-rolled reader: the envelope is tiny apart from its ciphertext, which is decoded straight from
    // the UTF-8 bytes, so opening an item costs one pass and no intermediate strings.
    private static bool TryParse(ReadOnlySpan<byte> stored, out Envelope envelope)
    {
        envelope = default;
        string? keyId = null;
        byte[]? nonce = null, cipher = null, tag = null;
        var version = 0;
        try
        {
            var reader = new Utf8JsonReader(stored, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read())
                {
                    return false;
                }

                if (name.SequenceEqual("v"u8) && reader.TokenType == JsonTokenType.Number)
                {
                    version = reader.GetInt32();
                }
                else if (name.SequenceEqual("kid"u8) && reader.TokenType == JsonTokenType.String)
                {
                    keyId = reader.GetString();
                }
                else if (name.SequenceEqual("n"u8) && reader.TokenType == JsonTokenType.String)
                {
                    nonce = reader.GetBytesFromBase64();
                }
                else if (name.SequenceEqual("c"u8) && reader.TokenType == JsonTokenType.String)
                {
                    cipher = reader.GetBytesFromBase64();
                }
                else if (name.SequenceEqual("t"u8) && reader.TokenType == JsonTokenType.String)
                {
                    tag = reader.GetBytesFromBase64();
                }
                else
                {
                    // Any other property: a plain record written before sealing, not an envelope.
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }

        if (version != 1 || keyId is null || nonce is null || cipher is null || tag is null)
        {
            return false;
        }

        envelope = new Envelope(keyId, nonce, cipher, tag);
        return true;
    }

    private readonly record struct Envelope(string KeyId, byte[] Nonce, byte[] Cipher, byte[] Tag);
}
