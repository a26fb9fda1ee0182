using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Teams support: the middleware (registered before the other features' so it runs first), conversation
    /// references and proactive messages, and the connector's HTTP client with retries.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        // Order matters: replies are shaped whoever sends them; shared conversations are turned away
        // before any feature or store sees them; card actions become messages before the safety screen.
        services.AddSingleton<IMiddleware, OutgoingReplies>();
        services.AddSingleton<IMiddleware, GroupConversationGuard>();
        services.AddSingleton<IMiddleware, AdaptiveCardActions>();
        services.AddSingleton<IMiddleware, ConversationReferenceRecorder>();

        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<Privacy.IUserDataEraser, ConversationReferenceEraser>();

        services.AddOptions<ConnectorRetryOptions>().BindConfiguration(ConnectorRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient(ConnectorHttpClientFactory.ClientName).AddHttpMessageHandler<ConnectorRetryHandler>();
        services.AddSingleton<ConnectorHttpClientFactory>();
        return services;
    }

    /// <summary>The Bot Framework authentication from configuration, calling the connector through the retrying client.</summary>
    public static BotFrameworkAuthentication CreateBotFrameworkAuthentication(IServiceProvider services, IConfiguration configuration)
        => new ConfigurationBotFrameworkAuthentication(
            configuration,
            credentialsFactory: services.GetService<ServiceClientCredentialsFactory>(),
            httpClientFactory: services.GetRequiredService<ConnectorHttpClientFactory>());
}
