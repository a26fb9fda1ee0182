using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Storage;

namespace ReflectBot.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the bot needs, for the web host and the terminal chat alike.</summary>
    public static IServiceCollection AddReflectBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        // Bot Framework authentication from the usual keys: MicrosoftAppType, MicrosoftAppId,
        // MicrosoftAppPassword, MicrosoftAppTenantId.
        services.AddSingleton<BotFrameworkAuthentication>(_ => new ConfigurationBotFrameworkAuthentication(configuration));
        services.AddSingleton<ReflectBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ReflectBotAdapter>());

        services.AddSingleton<IMiddleware, InputLimitsMiddleware>();

        services.AddSingleton<IStorage, FileStorage>();
        services.AddSingleton<IJournalStore, FileJournalStore>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        services.AddSingleton(sp => new JourneyCatalog(sp.GetRequiredService<IOptions<ContentOptions>>()));
        services.AddSingleton<JourneyDialogs>();
        services.AddTransient<IBot, JournalingBot>();
        return services;
    }
}
