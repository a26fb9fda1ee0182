namespace ReflectBot.Storage;

/// <summary>
/// A Bot Framework state store that can go through everything it holds, for re-sealing it all after a
/// key rotation (<c>rotate-keys</c>). Not used on a turn.
/// </summary>
public interface IStorageScan
{
    /// <summary>Every stored state, one by one.</summary>
    IAsyncEnumerable<ScannedState> ScanAsync(CancellationToken cancellationToken = default);
}
