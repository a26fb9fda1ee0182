using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Who a browser is, as this host decided: the identity cookie (a web chat user id, and whether it is a
/// clinician signed in by a link) and the sign-in links themselves, each signed with its own key derived from
/// the channel's signing key, so neither can pass for the other or for a token.
/// </summary>
public sealed class WebChatIdentity
{
    public const string CookieName = "reflectbot_user";

    private readonly byte[] _cookieKey;
    private readonly byte[] _linkKey;
    private readonly WebChatOptions _options;
    private readonly TimeProvider _time;

    public WebChatIdentity(DirectLineTokens tokens, IOptions<WebChatOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        _cookieKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, tokens.Key, 32, info: "reflectbot web chat identity cookie"u8.ToArray());
        _linkKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, tokens.Key, 32, info: "reflectbot clinician sign-in link"u8.ToArray());
        _options = options.Value;
        _time = time;
    }

    /// <summary>A cookie value for <paramref name="userId"/>, and when it expires.</summary>
    public (string Value, DateTimeOffset Expires) Cookie(string userId, bool clinician)
    {
        var expires = _time.GetUtcNow() + (clinician ? _options.ClinicianSignInLifetime : _options.IdentityLifetime);
        return (Seal(_cookieKey, new JsonObject { ["user"] = userId, ["clinician"] = clinician, ["exp"] = expires.ToUnixTimeSeconds() }), expires);
    }

    /// <summary>The user id a cookie carries, or null when it is missing, forged or expired.</summary>
    public (string UserId, bool Clinician)? ReadCookie(string? value)
        => Open(_cookieKey, value) is { } payload && payload["user"]?.GetValue<string>() is { Length: > 0 } user
            ? (user, payload["clinician"]?.GetValue<bool>() == true)
            : null;

    /// <summary>A one-time sign-in code for a clinician's web chat user id; its id (jti) is what makes it one-time.</summary>
    public (string Code, DateTimeOffset Expires) SignInCode(string clinicianUserId)
    {
        var expires = _time.GetUtcNow() + _options.SignInLinkLifetime;
        var payload = new JsonObject
        {
            ["user"] = clinicianUserId,
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        return (Seal(_linkKey, payload), expires);
    }

    /// <summary>The clinician user id and the code's id, or null when the code is forged or expired.</summary>
    public (string UserId, string CodeId)? ReadSignInCode(string? code)
        => Open(_linkKey, code) is { } payload && payload["user"]?.GetValue<string>() is { Length: > 0 } user && payload["jti"]?.GetValue<string>() is { Length: 32 } jti
            ? (user, jti)
            : null;

    private static string Seal(byte[] key, JsonObject payload)
    {
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return body + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));
    }

    private JsonObject? Open(byte[] key, string? sealedValue)
    {
        var parts = sealedValue?.Split('.');
        if (parts is not { Length: 2 } || parts[0].Length > 2048)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0]))));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1])))
        {
            return null;
        }

        try
        {
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))?.AsObject();
            return payload?["exp"]?.GetValue<long>() is { } exp && _time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(exp) ? payload : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
