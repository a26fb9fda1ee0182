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
    ];

    public static BotHost Create(string connectionString, string containerPrefix, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
        => new(null, Settings(connectionString, containerPrefix)) { TestServices = services };
}
