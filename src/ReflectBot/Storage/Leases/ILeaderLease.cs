namespace ReflectBot.Storage.Leases;

/// <summary>
/// Leadership among instances: at most one holds a named lease at a time. On the file store it is an OS
/// file lock; on the blob store a blob lease fits the same shape (acquire for a period, release on dispose).
/// </summary>
public interface ILeaderLease
{
    /// <summary>The lease while held (dispose to release), or null when another instance holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}
