using Azure.Storage.Blobs;
using ReflectBot.Clinic;
using ReflectBot.Storage.Blobs;
using ReflectBot.Storage.Leases;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>The scheduler's leadership on blob storage: a blob lease in the clinic container, on a real Azurite.</summary>
public sealed class BlobLeaderLeaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private BlobContainer NewContainer()
        => new(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniquePrefix() + "clinic"));

    [Fact]
    public async Task OfTwoInstancesOneLeadsAndAfterItReleasesTheOtherCan()
    {
        var container = NewContainer();
        var first = new BlobLeaderLease(container, TimeSpan.FromSeconds(60), TimeProvider.System);
        var second = new BlobLeaderLease(NewClientFor(container), TimeSpan.FromSeconds(60), TimeProvider.System);

        var held = await first.TryAcquireAsync(AssignmentDelivery.LeaseName);
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync(AssignmentDelivery.LeaseName));

        // Another name is another lease.
        await using (var other = await second.TryAcquireAsync("another-job"))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var taken = await second.TryAcquireAsync(AssignmentDelivery.LeaseName);
        Assert.NotNull(taken);
        Assert.Null(await first.TryAcquireAsync(AssignmentDelivery.LeaseName));
    }

    [Fact]
    public async Task ALeaderThatDiesWithoutReleasingIsReplacedWhenItsLeaseExpires()
    {
        var container = NewContainer();
        var dead = new BlobLeaderLease(container, TimeSpan.FromSeconds(15), new FrozenTime());
        var survivor = new BlobLeaderLease(NewClientFor(container), TimeSpan.FromSeconds(15), TimeProvider.System);

        // Acquired and never renewed (its clock never moves) nor released: as if the process died.
        Assert.NotNull(await dead.TryAcquireAsync(AssignmentDelivery.LeaseName));
        Assert.Null(await survivor.TryAcquireAsync(AssignmentDelivery.LeaseName));

        // The service expires the lease on its own clock (15 s is its shortest lease).
        IAsyncDisposable? taken = null;
        for (var i = 0; i < 40 && taken is null; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            taken = await survivor.TryAcquireAsync(AssignmentDelivery.LeaseName);
        }

        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    /// <summary>A second instance's own client on the same container.</summary>
    private BlobContainer NewClientFor(BlobContainer container)
        => new(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container.Name));

    /// <summary>A clock that never moves, so the holder never renews.</summary>
    private sealed class FrozenTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            => System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
