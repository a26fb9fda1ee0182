using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ReflectBot.Benchmarks;

/// <summary>The host in-process, on blob storage, to read its storage call counter around single turns.</summary>
public sealed class CountingHost(string connectionString, string containerPrefix) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Blob",
            ["Storage:Blob:ConnectionString"] = connectionString,
            ["Storage:Blob:ContainerPrefix"] = containerPrefix,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}
