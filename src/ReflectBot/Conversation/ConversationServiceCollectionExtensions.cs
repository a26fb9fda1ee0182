using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The bot itself and the middleware every turn passes through, in order.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<IMiddleware, InputLimitsMiddleware>();
        services.AddTransient<IBot, JournalingBot>();
        return services;
    }
}
