namespace ReflectBot.Storage.Sealing;

/// <summary>Section "Journal": how entries are encrypted at rest.</summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";

    /// <summary>
    /// The key new entries are encrypted with: 32 random bytes, base64. Without it the bot generates one
    /// into its data folder on first run (keys/journal.key) and logs that it did.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Keys that entries written earlier may still be encrypted with (base64); kept for reading only.</summary>
    public List<string> PreviousKeys { get; set; } = [];

    /// <summary>How long an export download link works.</summary>
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot's public address for export links (e.g. https://reflectbot.example.org); by default the address the channel called.</summary>
    public string? PublicBaseUrl { get; set; }

    public static bool IsValidKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32;
    }
}
