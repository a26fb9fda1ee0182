using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReflectBot.Privacy;

namespace ReflectBot.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// What every channel shares: Bot Framework authentication from the usual keys (MicrosoftAppType,
    /// MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId), the connector's HTTP client with retries,
    /// conversation references and proactive messages.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotCredentialOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialOptions>, BotCredentialValidator>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => CreateBotFrameworkAuthentication(sp, configuration));

        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<ConversationReferenceRecorder>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<IUserDataEraser, ConversationReferenceEraser>();

        services.AddOptions<ConnectorRetryOptions>().BindConfiguration(ConnectorRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient(ConnectorHttpClientFactory.ClientName).AddHttpMessageHandler<ConnectorRetryHandler>();
        services.AddSingleton<ConnectorHttpClientFactory>();
        return services;
    }

    /// <summary>
    /// The Bot Framework authentication from configuration, calling the connector through the retrying client;
    /// a turn's connector and user-token clients are built only when used.
    /// </summary>
    public static BotFrameworkAuthentication CreateBotFrameworkAuthentication(IServiceProvider services, IConfiguration configuration)
        => new DeferredClientsAuthentication(new ConfigurationBotFrameworkAuthentication(
            configuration,
            credentialsFactory: services.GetService<ServiceClientCredentialsFactory>(),
            httpClientFactory: services.GetRequiredService<ConnectorHttpClientFactory>()));
}
