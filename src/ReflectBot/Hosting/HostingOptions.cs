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
}
