using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The conversation itself: the bot that runs each turn's routing and dialog (see Hosting/TurnPipeline).</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<InputLimitsMiddleware>();
        services.AddTransient<JournalingBot>();

        // The conversation's own rows of the routing table (Hosting/TurnRoutes).
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<CancelCommand>();
        services.AddSingleton<MenuCommand>();
        services.AddSingleton<BackCommand>();
        services.AddSingleton<AreYouABotCommand>();
        services.AddSingleton<ContinueDialogCommand>();
        services.AddSingleton<JourneyWordAnswerCommand>();
        services.AddSingleton<GreetingCommand>();
        services.AddSingleton<NotUnderstoodCommand>();
        return services;
    }
}
