using Microsoft.Bot.Builder;
using ReflectBot.Journal;

namespace ReflectBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The stores: Bot Framework state and the journal, on the embedded file backend.</summary>
    public static IServiceCollection AddReflectBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IStorage, FileStorage>();
        services.AddSingleton<IJournalStore, FileJournalStore>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
