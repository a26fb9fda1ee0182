using Microsoft.Extensions.Options;

namespace ReflectBot.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// The content folder (<c>Content:Path</c>), loaded and checked once at start-up: journeys, cards, the bot's
    /// sentences and the measures. (The safety folder is loaded by Safety, with the model it trains.)
    /// </summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ContentLibrary.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
        services.AddSingleton(sp => sp.GetRequiredService<ContentLibrary>().Journeys);
        services.AddSingleton(sp => sp.GetRequiredService<ContentLibrary>().Cards);
        services.AddSingleton(sp => sp.GetRequiredService<ContentLibrary>().Strings.WithClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new MeasureCatalog(sp.GetRequiredService<IOptions<ContentOptions>>()));
        return services;
    }
}
