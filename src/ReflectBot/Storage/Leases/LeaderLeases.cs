using Microsoft.Extensions.Options;
using ReflectBot.Storage.Blobs;

namespace ReflectBot.Storage.Leases;

/// <summary>The leader lease that fits the configured backend: an OS file lock on files, a blob lease on blobs.</summary>
public static class LeaderLeases
{
    /// <summary>A lease kept in <paramref name="store"/>'s place (its folder's <c>leases/</c>, or its container); a blob lease lasts <paramref name="duration"/> unless renewed.</summary>
    public static ILeaderLease Create(IServiceProvider services, string store, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<StorageOptions>>();
        return StorageKinds.IsBlob(options.Value)
            ? new BlobLeaderLease(services.GetRequiredService<BlobContainers>().For(store), duration, services.GetRequiredService<TimeProvider>())
            : new FileLeaderLease(options);
    }
}
