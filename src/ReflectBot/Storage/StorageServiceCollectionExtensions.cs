using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Storage.Blobs;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores: Bot Framework state and the item stores (journal, safety, references, clinic), on the
    /// backend that Storage:Kind names: the embedded file store (default) or Azure Blob Storage; each
    /// sealed with the key ring (<see cref="SealedStorage"/>, <see cref="SealedItemStore"/>).
    /// </summary>
    public static IServiceCollection AddReflectBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        // The key ring (Journal:EncryptionKey and its predecessors) that seals every record below.
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton<JournalKeyRing>();
        services.AddSingleton<ItemCipher>();

        // The blob parts are built only when asked for, so a file deployment never touches Azure.
        services.AddSingleton<StorageCallCounter>();
        services.AddSingleton(sp => BlobClients.Create(OptionsOf(sp).Blob, sp.GetRequiredService<StorageCallCounter>()));
        services.AddSingleton(sp => new BlobContainers(sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(), OptionsOf(sp).Blob, ItemStoreNames.All));
        services.AddHostedService<BlobContainerStartup>();

        // Everything goes to the backend sealed with the key ring: state and every item store alike.
        services.AddSingleton<IStorage>(sp => new SealedStorage(
            StorageKinds.IsBlob(OptionsOf(sp))
                ? new BlobStorage(sp.GetRequiredService<BlobContainers>().State)
                : new FileStorage(sp.GetRequiredService<IOptions<StorageOptions>>()),
            sp.GetRequiredService<ItemCipher>()));
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, (sp, _) => new SealedItemStore(
                StorageKinds.IsBlob(OptionsOf(sp))
                    ? new BlobItemStore(sp.GetRequiredService<BlobContainers>().For(name))
                    : new FileItemStore(Path.Combine(Path.GetFullPath(OptionsOf(sp).DataPath), name)),
                name,
                sp.GetRequiredService<ItemCipher>()));
        }

        // User and conversation state through one document per user (one read and one write a turn).
        services.AddSingleton(sp => new StateDocumentCache(OptionsOf(sp).StateCache, sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new FoldedStateStorage(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<StateDocumentCache>()));
        services.AddSingleton<FoldedStateMiddleware>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<FoldedStateStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<FoldedStateStorage>()));
        return services;
    }

    private static StorageOptions OptionsOf(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
