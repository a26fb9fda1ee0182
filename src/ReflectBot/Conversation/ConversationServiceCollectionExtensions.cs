using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The conversation itself: the bot that runs each turn's routing and dialog (see Hosting/TurnPipeline).</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<InputLimitsMiddleware>();
        services.AddTransient<JournalingBot>();
        return services;
    }
}
