using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Issues and checks the channel's tokens: JWTs (HS256) signed with the host's key, carrying the
/// conversation and the user, as the real Direct Line's tokens do. Web Chat reads the user id from the
/// token, so the page never chooses who it is.
/// </summary>
public sealed class DirectLineTokens
{
    public const string Issuer = "reflectbot-directline";

    /// <summary>Tokens the page holds.</summary>
    public const string PageAudience = "reflectbot-directline";

    /// <summary>Tokens the bot's connector client presents to the connector routes; never valid for the page's routes.</summary>
    public const string ConnectorAudience = "reflectbot-connector";

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _absoluteLifetime;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<DirectLineTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        var settings = options.Value;
        _key = DirectLineSigningKey.Load(settings, storage.Value, logger);
        _lifetime = settings.TokenLifetime;
        _absoluteLifetime = settings.TokenAbsoluteLifetime;
        _time = time;
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>The key, for what else the channel signs (the web chat's identity cookie, sign-in links).</summary>
    internal byte[] Key => _key;

    /// <summary>
    /// A token for a conversation whose first token was issued at <paramref name="sessionStart"/>: it expires
    /// after the usual lifetime, but never later than the session's absolute end, however often it is refreshed.
    /// Null when that end has passed.
    /// </summary>
    public string? Issue(string conversationId, string userId, DateTimeOffset sessionStart, string audience = PageAudience)
    {
        var now = _time.GetUtcNow();
        var end = sessionStart + _absoluteLifetime;
        if (now >= end)
        {
            return null;
        }

        var expires = now + _lifetime < end ? now + _lifetime : end;
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["conv"] = conversationId,
            ["user"] = userId,
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["sess"] = sessionStart.ToUnixTimeMilliseconds(),
            ["iat_ms"] = now.ToUnixTimeMilliseconds(),
        };
        var unsigned = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return unsigned + "." + Sign(unsigned);
    }

    /// <summary>How long a token issued now for a session that started then would live, in whole seconds.</summary>
    public int SecondsLeft(DateTimeOffset sessionStart)
    {
        var now = _time.GetUtcNow();
        var end = sessionStart + _absoluteLifetime;
        return (int)Math.Max(0, ((now + _lifetime < end ? now + _lifetime : end) - now).TotalSeconds);
    }

    /// <summary>Reads "Bearer {token}" from an Authorization header value.</summary>
    public TokenCheck Read(string? authorization, out DirectLineToken? token, string audience = PageAudience)
    {
        token = null;
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Missing;
        }

        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return TokenCheck.Invalid;
        }

        // Compare signatures in constant time, so a forger learns nothing from how long a refusal takes.
        var expected = Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return TokenCheck.Invalid;
        }

        try
        {
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))?.AsObject();
            var conversation = payload?["conv"]?.GetValue<string>();
            var user = payload?["user"]?.GetValue<string>();
            var expires = payload?["exp"]?.GetValue<long>();
            if (payload?["iss"]?.GetValue<string>() != Issuer || payload["aud"]?.GetValue<string>() != audience || string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(user) || expires is null)
            {
                return TokenCheck.Invalid;
            }

            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires.Value);

            // Tokens from before sessions were tracked carry no "sess": their own issue time stands in.
            var issuedAt = payload["iat_ms"]?.GetValue<long>() is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.FromUnixTimeSeconds(payload["nbf"]?.GetValue<long>() ?? 0);
            var sessionStart = payload["sess"]?.GetValue<long>() is { } sess ? DateTimeOffset.FromUnixTimeMilliseconds(sess) : issuedAt;
            var now = _time.GetUtcNow();
            if (now >= expiresAt || now >= sessionStart + _absoluteLifetime)
            {
                return TokenCheck.Expired;
            }

            token = new DirectLineToken(conversation, user, expiresAt, sessionStart, issuedAt);
            return TokenCheck.Valid;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return TokenCheck.Invalid;
        }
    }

    private string Sign(string unsigned)
        => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned)));
}
