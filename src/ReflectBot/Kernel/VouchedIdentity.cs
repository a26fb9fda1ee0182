using System.Security.Claims;

namespace ReflectBot.Kernel;

/// <summary>
/// The claims identity an in-process channel (this host's web chat) gives the turns it runs: the user id it
/// authenticated itself, by a token it signed. Only code in this process can make one; nothing that arrives
/// over HTTP becomes one (CloudAdapter builds plain <see cref="ClaimsIdentity"/> objects from tokens).
/// </summary>
public sealed class VouchedIdentity : ClaimsIdentity
{
    public VouchedIdentity(string channelId, string userId, IEnumerable<Claim> claims, string? authenticationType)
        : base(claims, authenticationType)
    {
        ChannelId = channelId;
        UserId = userId;
    }

    public string ChannelId { get; }

    public string UserId { get; }
}
