namespace ReflectBot.Content;

/// <summary>The content of <c>dialogs/safety/resources.yaml</c>.</summary>
public sealed record CrisisResources(IReadOnlyList<CrisisRegion> Regions, CrisisResource Fallback, string Emergency)
{
    /// <summary>The region a user named ("UK", "ireland", "US"), or null.</summary>
    public CrisisRegion? ByName(string? text)
    {
        var name = (text ?? string.Empty).Trim().Trim('.', '!').ToLowerInvariant();
        return name.Length == 0
            ? null
            : Regions.FirstOrDefault(r => r.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || r.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    public CrisisRegion? ById(string? id)
        => id is null ? null : Regions.FirstOrDefault(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public CrisisRegion? ByCountry(string? country)
        => string.IsNullOrWhiteSpace(country) ? null : Regions.FirstOrDefault(r => r.Countries.Contains(country.Trim(), StringComparer.OrdinalIgnoreCase));

    public CrisisRegion? ByTimeZone(string? zone)
        => string.IsNullOrWhiteSpace(zone) ? null : Regions.FirstOrDefault(r => r.TimeZones.Contains(zone.Trim(), StringComparer.OrdinalIgnoreCase));
}
