namespace ReflectBot.Content;

/// <summary>The lines of one region, its emergency number, and how to recognise that a user is there.</summary>
public sealed record CrisisRegion(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> TimeZones,
    string Emergency,
    IReadOnlyList<CrisisResource> Resources)
{
    /// <summary>The crisis lines, then the lines for the class's own topics.</summary>
    public IReadOnlyList<CrisisResource> LinesFor(RiskClass risk)
    {
        var topics = CrisisResource.TopicsOf(risk);
        return [.. Resources.Where(r => r.For.Contains(CrisisResource.Crisis)), .. Resources.Where(r => !r.For.Contains(CrisisResource.Crisis) && r.For.Any(topics.Contains))];
    }
}
