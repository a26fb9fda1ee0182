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
    /// How long a conversation's tokens can be refreshed for, counted from its first token: refreshing cannot
    /// keep a conversation alive past this. The page then starts a new conversation as the same person.
    /// </summary>
    public TimeSpan TokenAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Token requests (generate, refresh, the page's session) one client address may make per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary>Conversations one client address may start per minute.</summary>
    public int ConversationStartsPerMinute { get; set; } = 10;

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
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Bytes of activities kept per conversation (with the count above, whichever is reached first).</summary>
    public int MaxTranscriptBytes { get; set; } = 512 * 1024;

    /// <summary>Conversations kept in memory; when full, the one idle longest is forgotten. With the byte bound above, memory stays under their product.</summary>
    public int MaxConversations { get; set; } = 1_000;

    /// <summary>Largest activity the page or the bot may post, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool IsEnabled => Enabled ?? false;
}
