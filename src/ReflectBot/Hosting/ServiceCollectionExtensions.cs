using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReflectBot.Cards;
using ReflectBot.Channels;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Channels.Teams;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Kernel;
using ReflectBot.Privacy;
using ReflectBot.Reminders;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Upgrade;

namespace ReflectBot.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything the bot needs, for the web host and the terminal chat alike. Each feature registers its own
    /// services; the order of these calls does not matter: what runs in a turn, and when, is declared in
    /// <see cref="TurnPipeline"/>.
    /// </summary>
    public static IServiceCollection AddReflectBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddContent();
        services.AddReflectBotStorage();
        services.AddChannels(configuration);
        services.AddTeams();
        services.AddDirectLine(configuration);
        services.AddJourneys();
        services.AddCards();
        services.AddJournal();
        services.AddPrivacy();
        services.AddSafety();

        // The model's reading of a short message it has read before is remembered (ModelReadingCache says why
        // that leaves every decision as it was); the lexicon still reads every message. Safety:RememberModelReadings
        // turns it off, to measure the model's own cost.
        services.AddSingleton(sp => new ModelReadingCache(sp.GetRequiredService<ReflectBot.Safety.Model.SafetyModelHost>()));
        services.Replace(ServiceDescriptor.Singleton(sp => new SafetyScreen(
            sp.GetRequiredService<SafetyContent>().Screen,
            sp.GetRequiredService<IOptions<SafetyOptions>>().Value.RememberModelReadings
                ? sp.GetRequiredService<ModelReadingCache>()
                : sp.GetRequiredService<ReflectBot.Safety.Model.SafetyModelHost>())));
        services.AddClinic();
        services.AddReminders();
        services.AddConversation();
        services.AddUpgrade();

        // The turn: its steps and its bot, and the adapter that runs them for /api/messages and the web chat. What
        // the kernel's input limits and storage's state saving tell a person is content, handed in from here.
        services.AddSingleton(sp => new InputLimitReply(sp.GetRequiredService<StringCatalog>().Text(
            HostingStrings.MessageTooLong, ("max", InputLimits.MaxMessageChars.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))));
        services.AddSingleton(sp => new StorageReplies(sp.GetRequiredService<StringCatalog>()[HostingStrings.CouldNotSave], sp.GetRequiredService<StringCatalog>()[HostingStrings.Crossed]));
        services.AddSingleton<TurnErrors>();
        services.AddSingleton<AnonymousServiceUrls>();
        services.AddSingleton<IdentityMiddleware>();
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddTelemetry(configuration);
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton(TurnRoutes.Table);
        services.AddSingleton<TurnRouter>();
        services.AddTransient(sp => sp.GetRequiredService<TurnPipeline>().CreateBot());
        services.AddSingleton<ReflectBotAdapter>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<ReflectBotAdapter>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ReflectBotAdapter>());
        return services;
    }
}
