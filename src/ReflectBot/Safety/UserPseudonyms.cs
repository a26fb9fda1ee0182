using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a user key, for records that must tell one person's entries apart, and
/// find them again for "delete my data", without naming them: the safety events operators count. The
/// secret is 32 random bytes made once and kept in the safety store, which seals it with the key ring:
/// so it outlives key rotations (<c>rotate-keys</c> re-seals it like any other item) and nobody without
/// the key ring can test a guessed user id against a stored hash.
/// </summary>
public sealed class UserPseudonyms([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items)
{
    /// <summary>Where the secret is kept in the safety store.</summary>
    public const string SecretKey = "keys/user-pseudonyms";

    private readonly object _gate = new();
    private Task<byte[]>? _loading;

    /// <summary>The user's pseudonym: 32 hex digits, the same for the same user key on every instance.</summary>
    public async Task<string> OfAsync(string userKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var secret = await Secret().WaitAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(userKey)), 0, 16);
    }

    // Loaded once and shared; a load that failed (storage away) is tried again by the next caller.
    private Task<byte[]> Secret()
    {
        lock (_gate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = LoadAsync();
            }

            return _loading;
        }
    }

    private async Task<byte[]> LoadAsync()
    {
        while (true)
        {
            if (await items.ReadAsync(SecretKey).ConfigureAwait(false) is { } stored)
            {
                return stored.Content.Length == 32
                    ? stored.Content.ToArray()
                    : throw new CryptographicException($"The pseudonym secret ({SecretKey} in the safety store) is not 32 bytes.");
            }

            // Create-only: instances starting together agree on the first one written.
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                await items.WriteAsync(SecretKey, fresh, createOnly: true).ConfigureAwait(false);
                return fresh;
            }
            catch (ETagConflictException)
            {
                // Another instance made it first: read theirs.
            }
        }
    }
}
