using ReflectBot.Privacy;

namespace ReflectBot.Upgrade;

public static class UpgradeServiceCollectionExtensions
{
    /// <summary>
    /// What keeps an upgrade from an earlier build safe until <c>upgrade-data</c> has run: the start-up check that
    /// says it is needed, and "delete my data" reaching records still under the user's key of then.
    /// </summary>
    public static IServiceCollection AddUpgrade(this IServiceCollection services)
    {
        services.AddHostedService<LegacyLayoutCheck>();
        services.AddSingleton<IUserDataEraser, LegacyDataEraser>();
        return services;
    }
}
