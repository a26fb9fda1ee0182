using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ReflectBot.Benchmarks;

/// <summary>The host in-process, on blob storage, to read its storage call counter around single turns.</summary>
public sealed class CountingHost(string connectionString, string containerPrefix) : WebApplicationFactory<Program>
{
    /// <summary>The journal key every host of the benchmark uses (a blob deployment must configure one); a fixed benchmark value, not a secret.</summary>
    public static readonly string JournalKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("reflectbot-benchmark"u8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Blob",
            ["Storage:Blob:ConnectionString"] = connectionString,
            ["Storage:Blob:ContainerPrefix"] = containerPrefix,
            ["Journal:EncryptionKey"] = JournalKey,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}
