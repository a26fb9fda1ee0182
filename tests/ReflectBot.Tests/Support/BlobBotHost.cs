namespace ReflectBot.Tests.Support;

/// <summary>Settings that put a <see cref="BotHost"/> on blob storage in an Azurite, under its own container prefix.</summary>
public static class BlobBotHost
{
    public static (string Key, string? Value)[] Settings(string connectionString, string containerPrefix) =>
    [
        ("Storage:Kind", "Blob"),
        ("Storage:Blob:ConnectionString", connectionString),
        ("Storage:Blob:ContainerPrefix", containerPrefix),
        ("Storage:Blob:NetworkTimeout", "00:00:02"),
        ("Storage:Blob:MaxRetries", "1"),

        // Instances on one storage account must share the journal key, as a deployment configures it;
        // left out, each host generates its own and cannot read the entries the other one wrote.
        ("Journal:EncryptionKey", JournalKeyFor(containerPrefix)),
    ];

    /// <summary>A journal key of the prefix's own, so every host on the same prefix gets the same one.</summary>
    public static string JournalKeyFor(string containerPrefix)
        => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(containerPrefix)));

    public static BotHost Create(string connectionString, string containerPrefix, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
        => new(null, Settings(connectionString, containerPrefix)) { TestServices = services };
}
