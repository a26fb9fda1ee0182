using System.Net;

namespace ReflectBot.Hosting;

/// <summary>Lists of networks in CIDR notation from settings, and whether an address is in one of them.</summary>
public static class Networks
{
    /// <summary>One problem per entry that is not a network in CIDR notation, naming the setting and its index.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> entries, string setting)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!IPNetwork.TryParse(entries[i]?.Trim(), out _))
            {
                yield return $"{setting}:{i} ('{entries[i]}') should be a network in CIDR notation, like 203.0.113.0/24 or 2001:db8::/32.";
            }
        }
    }

    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> entries)
        => [.. entries.Select(e => IPNetwork.Parse(e.Trim()))];

    /// <summary>Whether <paramref name="address"/> (IPv4-mapped IPv6 taken as IPv4) is in one of <paramref name="networks"/>.</summary>
    public static bool Contain(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
