using System.Security.Cryptography;
using System.Text;

namespace ReflectBot.Storage;

/// <summary>
/// Turns any storage key a channel can produce (with '/', ':', '#', '?', '%', unicode, any length) into a
/// safe, reversible-in-spirit name for a file or blob: unreserved ASCII kept, everything else escaped as
/// %XX of its UTF-8 bytes; names too long are cut and suffixed with a hash of the whole key so they
/// stay unique.
/// </summary>
public static class StoreKeys
{
    /// <summary>Longest escaped name kept whole; leaves room under the 255-byte file-name limit.</summary>
    public const int MaxNameLength = 180;

    public static string Escape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // "." and ".." are not usable names; a leading dot would hide the file.
        if (builder.Length > 0 && builder[0] == '.')
        {
            builder.Replace(".", "%2E", 0, 1);
        }

        if (builder.Length <= MaxNameLength)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return string.Concat(builder.ToString(0, MaxNameLength - 33), "~", hash);
    }

    /// <summary>
    /// A blob name for a whole key as one segment ('/' escaped too, so the state container stays flat).
    /// Blob names may not end in '.', so a trailing dot is escaped as well.
    /// </summary>
    public static string BlobName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var name = Escape(key);
        return name.EndsWith('.') ? string.Concat(name.AsSpan(0, name.Length - 1), "%2E") : name;
    }

    /// <summary>A blob name for an item key of '/'-joined segments: each segment escaped on its own, joined by '/'.</summary>
    public static string BlobPath(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return string.Join('/', key.Split('/').Select(BlobName));
    }

    /// <summary>
    /// The key a stored name was made from (<see cref="Escape"/> or <see cref="BlobName"/>), or null when the
    /// name was shortened with a hash and no longer holds the whole key.
    /// </summary>
    public static string? KeyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains('~', StringComparison.Ordinal) ? null : Uri.UnescapeDataString(name);
    }
}
