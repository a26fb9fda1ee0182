using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ReflectBot.Storage.Blobs;

namespace ReflectBot.Storage.Leases;

/// <summary>
/// A lease as a blob lease on <c>leases/{name}</c> in the clinic container, for instances that share one
/// Storage account (the file lock only works on one machine). The holder renews it at a third of its
/// duration; if the holder dies, the lease expires after the duration its user chose and
/// another instance takes over. Losing a renewal is harmless for correctness: each occurrence is still
/// claimed by a create-only write before it is sent.
/// </summary>
public sealed class BlobLeaderLease : ILeaderLease
{
    private readonly BlobContainer _container;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;

    public BlobLeaderLease(BlobContainer container, TimeSpan duration, TimeProvider time)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _duration = duration;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var blob = _container.Client.GetBlobClient("leases/" + StoreKeys.Escape(name));
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await AcquireAsync(blob, lease, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // LeaseAlreadyPresent: another instance leads.
            return null;
        }

        return new Held(lease, _duration / 3, _time);
    }

    private async Task AcquireAsync(BlobClient blob, BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        try
        {
            await _container.RunAsync(() => lease.AcquireAsync(_duration, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The first time: the lease blob does not exist yet. Create it (whoever does first) and try again.
            try
            {
                await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException created) when (created.Status is 409 or 412)
            {
                // Another instance created it in between.
            }

            await lease.AcquireAsync(_duration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The held lease: renewed in the background until disposed, then released.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, TimeSpan every, TimeProvider time)
        {
            _lease = lease;
            _renewing = RenewAsync(every, time, _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
            {
                // Lost, expired or unreachable: it expires by itself, nothing to release.
            }
        }

        private async Task RenewAsync(TimeSpan every, TimeProvider time, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
                    await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
                {
                    // Lost the lease (expired and taken) or storage away: stop renewing; it expires by
                    // itself, and the claims keep each send single meanwhile.
                    return;
                }
            }
        }
    }
}
