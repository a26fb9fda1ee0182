using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Journal;
using ReflectBot.Storage.Blobs;

namespace ReflectBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores: Bot Framework state and the item stores (journal, safety, references, clinic), on the
    /// backend that Storage:Kind names: the embedded file store (default) or Azure Blob Storage.
    /// </summary>
    public static IServiceCollection AddReflectBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        // The blob parts are built only when asked for, so a file deployment never touches Azure.
        services.AddSingleton<StorageCallCounter>();
        services.AddSingleton(sp => BlobClients.Create(OptionsOf(sp).Blob, sp.GetRequiredService<StorageCallCounter>()));
        services.AddSingleton(sp => new BlobContainers(sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(), OptionsOf(sp).Blob, ItemStoreNames.All));
        services.AddHostedService<BlobContainerStartup>();

        services.AddSingleton<IStorage>(sp => StorageKinds.IsBlob(OptionsOf(sp))
            ? new BlobStorage(sp.GetRequiredService<BlobContainers>().State)
            : new FileStorage(sp.GetRequiredService<IOptions<StorageOptions>>()));
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, (sp, _) => StorageKinds.IsBlob(OptionsOf(sp))
                ? new BlobItemStore(sp.GetRequiredService<BlobContainers>().For(name))
                : new FileItemStore(Path.Combine(Path.GetFullPath(OptionsOf(sp).DataPath), name)));
        }

        services.AddSingleton<IJournalStore, JournalStore>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }

    private static StorageOptions OptionsOf(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
