namespace ReflectBot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Teams support: the steps of the turn that fit replies to Teams (and to the size limit), keep the bot out
    /// of shared conversations and turn Adaptive Card actions into messages. Where they run is declared in
    /// Hosting/TurnPipeline.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddSingleton<OutgoingReplies>();
        services.AddSingleton<GroupConversationGuard>();
        services.AddSingleton<AdaptiveCardActions>();
        return services;
    }
}
