namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Section "WebChat": the page at / and who its visitors are. Locally the page talks to this host's own
/// Direct Line (DirectLine:Enabled); in Azure, with <see cref="DirectLineSecret"/> set, the host exchanges the
/// secret for a Direct Line token bound to a user id it chose, and the page talks to Azure's Direct Line.
/// Either way the user id ("dl_" and 128 random bits) lives in a signed, HttpOnly, SameSite=Strict cookie,
/// so a person keeps their journal across visits and never picks who they are.
/// </summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Azure's Direct Line secret (a Key Vault reference in App Service). Set: the page works through Azure's Direct Line.</summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>Azure's Direct Line service (the token API is {this}v3/directline/tokens/generate).</summary>
    public Uri DirectLineEndpoint { get; set; } = new("https://directline.botframework.com/");

    /// <summary>How long the identity cookie keeps a person's user id after their last visit.</summary>
    public TimeSpan IdentityLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long a clinician stays signed in on a browser after using a sign-in link.</summary>
    public TimeSpan ClinicianSignInLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a sign-in link printed by <c>clinician-link</c> can be used (once).</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public bool UsesAzureDirectLine => !string.IsNullOrWhiteSpace(DirectLineSecret);

    /// <summary>The channel id the page's messages arrive with: Azure's Direct Line says "directline", this host's web chat "webchat".</summary>
    public string ChannelId => UsesAzureDirectLine ? "directline" : DirectLineBridge.ChannelId;
}
