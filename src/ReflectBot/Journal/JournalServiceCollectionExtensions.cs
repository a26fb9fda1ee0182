using Microsoft.Extensions.Options;
using ReflectBot.Conversation;

namespace ReflectBot.Journal;

public static class JournalServiceCollectionExtensions
{
    /// <summary>The key ring that seals everything personal at rest, and the journal's commands ("my journal", "mood", "export"). The store itself is registered with storage.</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton<JournalKeyRing>();
        services.AddSingleton<ItemCipher>();
        services.AddSingleton<UserPseudonyms>();
        services.AddSingleton<ExportLinks>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ITurnCommand, JournalCommands>();
        return services;
    }
}
