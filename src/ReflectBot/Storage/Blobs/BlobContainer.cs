using Azure;
using Azure.Storage.Blobs;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// A container that is created (if missing) once, before its first use, and again if it disappears
/// (an emulator restarted without persistence, an operator deleting it). A failed creation is not
/// remembered, so the store recovers by itself when storage comes back.
/// </summary>
public sealed class BlobContainer
{
    private readonly object _gate = new();
    private Task? _ensured;

    public BlobContainer(BlobContainerClient client)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public BlobContainerClient Client { get; }

    public string Name => Client.Name;

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        // Every storage call passes here: once the container exists, answer without the lock, which sixteen
        // turns at once were queueing on (a profile of the benchmark's N=16 loop found them waiting in it).
        if (Volatile.Read(ref _ensured) is { IsCompletedSuccessfully: true } ensured)
        {
            return ensured;
        }

        lock (_gate)
        {
            if (_ensured is { IsCompletedSuccessfully: true })
            {
                return _ensured;
            }

            if (_ensured is null || _ensured.IsFaulted || _ensured.IsCanceled)
            {
                Volatile.Write(ref _ensured, CreateAsync(cancellationToken));
            }

            return _ensured;
        }
    }

    /// <summary>Forgets that the container exists, after a call found it missing.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            Volatile.Write(ref _ensured, null);
        }
    }

    /// <summary>
    /// Runs a call against the container; if the container turns out to be missing, creates it and runs
    /// the call once more.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await BlobCalls.RunAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (BlobCalls.IsContainerMissing(ex))
        {
            Forget();
            await EnsureAsync(cancellationToken).ConfigureAwait(false);
            return await BlobCalls.RunAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
        => await BlobCalls.RunAsync(() => Client.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
}
