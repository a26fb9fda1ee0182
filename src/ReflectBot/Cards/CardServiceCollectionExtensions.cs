
namespace ReflectBot.Cards;

public static class CardServiceCollectionExtensions
{
    /// <summary>The psychoeducation cards (loaded with the rest of the content) and the commands that show them.</summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        services.AddSingleton<CardCommand>();
        return services;
    }
}
