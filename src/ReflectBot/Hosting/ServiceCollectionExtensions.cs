using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ReflectBot.Conversation;
using ReflectBot.Journeys;
using ReflectBot.Storage;

namespace ReflectBot.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the bot needs, for the web host and the terminal chat alike.</summary>
    public static IServiceCollection AddReflectBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        // Bot Framework authentication from the usual keys: MicrosoftAppType, MicrosoftAppId,
        // MicrosoftAppPassword, MicrosoftAppTenantId.
        services.AddOptions<BotCredentialOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialOptions>, BotCredentialValidator>();
        services.AddSingleton<BotFrameworkAuthentication>(_ => new ConfigurationBotFrameworkAuthentication(configuration));
        services.AddSingleton<ReflectBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ReflectBotAdapter>());

        services.AddReflectBotStorage();
        services.AddJourneys();
        services.AddConversation();

        // Last: wraps the bot so its state is saved with ETags and its replies go out only once saved.
        services.AddStateSaving();
        return services;
    }
}
