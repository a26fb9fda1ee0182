namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The local Direct Line channel (section <c>DirectLine</c>). It serves the web chat page with no Azure
/// account; in Azure the real Direct Line service does this job, so it is off there by default.
/// </summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>On or off; when not set: on while no <c>MicrosoftAppId</c> is configured, off once one is.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How long a token is good for; the page refreshes it well before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) that signs tokens. Empty: one generated on first run into
    /// <c>{Storage:DataPath}/keys/directline.key</c>, so a page's token outlives a restart and the person
    /// keeps their user id (conversations are resumed from their token; their activity log starts empty).
    /// Instances that share no data folder (blob storage) need this configured to accept each other's tokens.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where the bot sends its replies (this host's connector routes). Empty: the host's own loopback
    /// address. Never taken from a request's Host header, which a client controls.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Activities kept per conversation; older ones are dropped from what the page can fetch.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 2_000;

    /// <summary>Conversations kept in memory; when full, the one idle longest is forgotten.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Largest activity the page or the bot may post, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool IsEnabled => Enabled ?? false;
}
