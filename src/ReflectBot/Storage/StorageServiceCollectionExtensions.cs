using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Journal;

namespace ReflectBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The stores: Bot Framework state and the journal, on the embedded file backend.</summary>
    public static IServiceCollection AddReflectBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IStorage, FileStorage>();
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, (sp, _) =>
                new FileItemStore(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath), name)));
        }

        services.AddSingleton<IJournalStore, JournalStore>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
