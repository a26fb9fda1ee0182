using System.Threading.RateLimiting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ReflectBot.Privacy;

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
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineRevocations>();
        services.AddSingleton<IUserDataEraser, DirectLineDataEraser>();
        services.AddSingleton<WebChatIdentity>();
        services.AddSingleton<WebChatSignIns>();
        services.AddSingleton<DirectLineTokenExchange>();
        services.AddHttpClient(DirectLineTokenExchange.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        // Issuing tokens and starting conversations cost memory here and a turn each: limited per client
        // address (ASP.NET Core's rate limiter; the endpoints name these policies), refused with 429.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(DirectLineEndpoints.TokenPolicy, http => PerAddress(http, o => o.TokenRequestsPerMinute));
            limiter.AddPolicy(DirectLineEndpoints.StartPolicy, http => PerAddress(http, o => o.ConversationStartsPerMinute));
        });
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

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<DirectLineOptions, int> permits)
    {
        var limit = permits(http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "in-process";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
