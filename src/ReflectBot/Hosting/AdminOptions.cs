using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Hosting;

/// <summary>Section "Admin": who may reach <c>/admin/...</c>, and how often.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// Networks (CIDR, e.g. <c>203.0.113.0/24</c>) whose client addresses may reach /admin/...; any other address gets
    /// 404, before an operator key is looked at. Empty (the default): this machine only (loopback), so on a server
    /// behind a proxy nobody. The client address is the connection's peer, or what a trusted proxy reported
    /// (<see cref="HostingOptions.TrustedProxyNetworks"/>).
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Requests to /admin/... per client address per minute (right key or wrong); more get 429.</summary>
    [Range(1, 10_000)]
    public int RequestsPerMinute { get; set; } = 10;
}
