using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// "delete my data" for the web chat: every token issued to the user until now stops working (their open
/// conversations here are emptied and closed at once), while tokens issued later (the page starting afresh)
/// work. The moment is kept in memory and in the state store, so a token cannot come back to life after a
/// restart; records older than the absolute token lifetime no longer matter (no token that old is valid).
/// The stored record is named by a keyed hash of the user id, so nothing of the person is left in clear.
/// </summary>
public sealed class DirectLineRevocations(IStorage storage, DirectLineConversations conversations, DirectLineTokens tokens, IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly byte[] _nameKey = System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, tokens.Key, 32, info: "reflectbot revoked web chat users"u8.ToArray());

    private const int MaxRemembered = 10_000;
    private const string Property = "revokedUtcMs";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly TimeSpan _absolute = options.Value.TokenAbsoluteLifetime;

    public async Task RevokeUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = time.GetUtcNow();
        Remember(userId, now);
        conversations.CloseAllOf(userId);
        var record = new Dictionary<string, object> { [Property] = now.ToUnixTimeMilliseconds() };
        await storage.WriteAsync(new Dictionary<string, object> { [KeyOf(userId)] = record }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>From memory only: what this process revoked or has read (every request checks this).</summary>
    public bool IsRevoked(DirectLineToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _revoked.TryGetValue(token.UserId, out var at) && token.IssuedAt <= at;
    }

    /// <summary>With one store read: for a token this process has not seen used (a resume, a refresh, a new page session).</summary>
    public async Task<bool> IsRevokedAsync(DirectLineToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (IsRevoked(token))
        {
            return true;
        }

        var key = KeyOf(token.UserId);
        var read = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (read.TryGetValue(key, out var raw) && raw is IDictionary<string, object> record && record.TryGetValue(Property, out var value)
            && long.TryParse(value is JValue json ? json.ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            Remember(token.UserId, at);
            return token.IssuedAt <= at;
        }

        return false;
    }

    private string KeyOf(string userId)
        => $"{DirectLineBridge.ChannelId}/revoked-users/{Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(_nameKey, System.Text.Encoding.UTF8.GetBytes(userId)))}";

    private void Remember(string userId, DateTimeOffset at)
    {
        if (_revoked.Count >= MaxRemembered)
        {
            var horizon = time.GetUtcNow() - _absolute;
            foreach (var stale in _revoked.Where(r => r.Value < horizon).Select(r => r.Key).ToList())
            {
                _revoked.TryRemove(stale, out _);
            }
        }

        _revoked[userId] = at;
    }
}
