using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Journal;

/// <summary>
/// Short-lived signed download links for "export": the token names the user, the format and an expiry, and
/// is signed with a key derived from the journal key (HMAC-SHA256). Whoever holds a link can download that
/// journal until it expires, which is why it is short-lived and only ever sent to the user in their chat.
/// </summary>
public sealed class ExportLinks(JournalKeyRing keys, TimeProvider time, IOptions<JournalOptions> options)
{
    private const string Purpose = "reflectbot-export-links";

    /// <summary>A link for <paramref name="userId"/>; <paramref name="subject"/> names whom a clinician's notes are about (their reads are authorized again at download).</summary>
    public string Create(string userId, string format, string? timeZone, string? subject = null)
    {
        var expires = time.GetUtcNow() + options.Value.ExportLinkLifetime;
        var payload = new JObject { ["u"] = userId, ["f"] = format, ["z"] = timeZone, ["exp"] = expires.ToUnixTimeSeconds() };
        if (subject is not null)
        {
            payload["s"] = subject;
        }

        var body = Encoding.UTF8.GetBytes(payload.ToString(Formatting.None));
        return $"{WebEncoders.Base64UrlEncode(body)}.{WebEncoders.Base64UrlEncode(Sign(body))}";
    }

    /// <summary>The user, format, zone and subject a token grants, or null when it is forged, malformed or expired.</summary>
    public (string UserId, string Format, string? TimeZone, string? Subject)? Validate(string token)
    {
        var parts = (token ?? string.Empty).Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            var body = WebEncoders.Base64UrlDecode(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(Sign(body), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }

            var payload = JObject.Parse(Encoding.UTF8.GetString(body));
            if (DateTimeOffset.FromUnixTimeSeconds(payload.Value<long>("exp")) < time.GetUtcNow())
            {
                return null;
            }

            return (payload.Value<string>("u") ?? string.Empty, payload.Value<string>("f") ?? string.Empty, payload.Value<string>("z"), payload.Value<string>("s"));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] Sign(byte[] body) => HMACSHA256.HashData(keys.Derive(Purpose), body);
}
