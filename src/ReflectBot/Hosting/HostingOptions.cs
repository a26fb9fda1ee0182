namespace ReflectBot.Hosting;

/// <summary>Section "Hosting": how the host may be reached.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// For development only. With no <c>MicrosoftAppId</c> nobody authenticates a caller, so /api/messages then
    /// answers callers on this machine (loopback) only, and a container or App Service refuses to start. This
    /// opens both to the network: anyone who can reach the host can then claim to be anyone. Off by default;
    /// logged as a warning at start-up when on.
    /// </summary>
    public bool AllowAnonymousNetworkAccess { get; set; }

    /// <summary>
    /// Networks (CIDR) of the reverse proxy in front of the host, whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> the host believes, one hop only (the entry that proxy appended). In App Service that
    /// is its front end as the app's container sees it. Empty (the default): forwarded headers are ignored. Those
    /// headers from any other peer are ignored too, and the first request from each such peer is logged.
    /// </summary>
    public List<string> TrustedProxyNetworks { get; set; } = [];
}
