using ReflectBot.Conversation;

namespace ReflectBot.Journal;

public static class JournalServiceCollectionExtensions
{
    /// <summary>Encryption of entries at rest and the journal's commands ("my journal", "mood", "export"). The store itself is registered with storage.</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart()
            .Validate(o => string.IsNullOrWhiteSpace(o.EncryptionKey) || JournalOptions.IsValidKey(o.EncryptionKey), "Journal:EncryptionKey should be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).")
            .Validate(o => o.PreviousKeys.All(JournalOptions.IsValidKey), "every Journal:PreviousKeys entry should be 32 bytes in base64.")
            .Validate(o => o.ExportLinkLifetime > TimeSpan.Zero && o.ExportLinkLifetime <= TimeSpan.FromDays(1), "Journal:ExportLinkLifetime should be between 0 and 1 day.");
        services.AddSingleton<JournalKeyRing>();
        services.AddSingleton<ItemCipher>();
        services.AddSingleton<ExportLinks>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ITurnCommand, JournalCommands>();
        return services;
    }
}
