using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ReflectBot.Cards;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Channels.Teams;
using ReflectBot.Clinic;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Privacy;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Upgrade;

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
        services.AddSingleton<BotFrameworkAuthentication>(sp => TeamsServiceCollectionExtensions.CreateBotFrameworkAuthentication(sp, configuration));
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        services.AddSingleton<IdentityMiddleware>();
        services.AddSingleton<ReflectBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ReflectBotAdapter>());

        services.AddReflectBotStorage();
        services.AddUpgrade();
        services.AddTeams();
        services.AddJourneys();
        services.AddCards();
        services.AddJournal();
        services.AddPrivacy();

        // Before AddConversation: the safety screen is the first middleware every message meets.
        services.AddSafety();
        services.AddConversation();
        services.AddDirectLine(configuration);
        services.AddClinic();

        // Last: wraps the bot so its state is saved with ETags and its replies go out only once saved.
        services.AddStateSaving();
        return services;
    }
}
