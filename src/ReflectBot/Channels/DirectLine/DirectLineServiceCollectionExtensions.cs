using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The local Direct Line channel and the credentials that let the bot's replies reach it.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .PostConfigure(o => o.Enabled ??= string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<LocalServiceUrl>();
        services.AddSingleton<DirectLineBridge>();

        // Used by the host's BotFrameworkAuthentication: the usual credentials from configuration, wrapped
        // so that only requests to this host's connector routes are signed by this host.
        services.AddSingleton<ServiceClientCredentialsFactory>(sp => new LocalConnectorCredentialsFactory(
            new ConfigurationServiceClientCredentialFactory(configuration),
            sp.GetRequiredService<DirectLineTokens>(),
            sp.GetRequiredService<LocalServiceUrl>(),
            sp.GetRequiredService<DirectLineConversations>()));
        return services;
    }
}
