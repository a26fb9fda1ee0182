using Microsoft.Extensions.Options;
using ReflectBot.Conversation;

namespace ReflectBot.Journeys;

public static class JourneyServiceCollectionExtensions
{
    /// <summary>The journeys from the content folder, compiled into dialogs, and the commands that start them.</summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ContentLibrary.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
        services.AddSingleton(sp => sp.GetRequiredService<ContentLibrary>().Journeys);
        services.AddSingleton<JourneyDialogs>();
        services.AddSingleton<ITurnCommand, StartJourneyCommand>();
        return services;
    }
}
