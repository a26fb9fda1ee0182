namespace ReflectBot.Upgrade;

public static class UpgradeServiceCollectionExtensions
{
    /// <summary>The start-up check that says when records under user keys of an earlier build wait for <c>upgrade-data</c>.</summary>
    public static IServiceCollection AddUpgradeCheck(this IServiceCollection services)
    {
        services.AddHostedService<LegacyLayoutCheck>();
        return services;
    }
}
