using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Conversation;
using ReflectBot.Storage;

namespace ReflectBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Consent, "privacy", "delete my data" and the reminder switch.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<ITurnCommand, PrivacyCommands>();
        services.AddSingleton<IUserDataEraser, JournalEraser>();
        services.AddSingleton<IUserDataEraser, SafetyDataEraser>();
        services.AddSingleton<IUserDataEraser>(sp => new ItemFolderEraser(sp.GetRequiredKeyedService<IItemStore>(ItemStoreNames.References)));
        return services;
    }
}
