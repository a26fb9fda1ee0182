using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Creates every container at start when the blob backend is configured. Storage that is down at start
/// does not stop the host: the stores create their container on first use instead.
/// </summary>
public sealed class BlobContainerStartup(IOptions<StorageOptions> options, IServiceProvider services, ILogger<BlobContainerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!StorageKinds.IsBlob(options.Value))
        {
            return;
        }

        var all = services.GetRequiredService<BlobContainers>().All.ToList();

        try
        {
            await Task.WhenAll(all.Select(c => c.EnsureAsync(cancellationToken))).ConfigureAwait(false);
            var names = string.Join(", ", all.Select(c => c.Name));
            StorageLog.ContainersReady(logger, names);
        }
        catch (StorageUnavailableException ex)
        {
            StorageLog.ContainersDeferred(logger, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
