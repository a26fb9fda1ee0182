namespace ReflectBot.Safety;

/// <summary>The crisis lines of one region, and how to recognise that a user is there.</summary>
public sealed record CrisisRegion(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<CrisisResource> Resources);
