
namespace ReflectBot.Journeys;

public static class JourneyServiceCollectionExtensions
{
    /// <summary>The journeys of the content folder, compiled into dialogs, and the commands that start them.</summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        services.AddSingleton<JourneyDialogs>();
        services.AddSingleton<StartJourneyCommand>();
        services.AddSingleton<SwitchJourneyCommand>();
        services.AddSingleton<ReflectBot.Dialogs.Dialog, SwitchJourneyDialog>();
        return services;
    }
}
