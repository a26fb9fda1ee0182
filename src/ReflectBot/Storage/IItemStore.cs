namespace ReflectBot.Storage;

/// <summary>
/// A store of small documents by key, one item per key, for everything that is not Bot Framework state:
/// journal entries, safety events, conversation references, clinic records. Keys are paths of segments
/// joined by '/' ("{user}/{entry}"); any characters are allowed in a segment (they are escaped by the
/// backend). The same contract holds on every backend (files, blobs): ETag conditions, create-only
/// writes, listing and deleting by a folder of whole segments.
/// </summary>
public interface IItemStore
{
    /// <summary>The item, or null when there is none.</summary>
    Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an item and returns its new ETag. <paramref name="ifMatch"/>: null or "*" overwrites whatever
    /// is there; an ETag writes only if the stored item still has it. <paramref name="createOnly"/> writes
    /// only if there is no item yet. A failed condition throws <see cref="ETagConflictException"/> and
    /// changes nothing.
    /// </summary>
    Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes an item; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The keys of every item under <paramref name="folder"/> (whole segments, e.g. a user id), at any depth.</summary>
    IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Deletes every item under <paramref name="folder"/>; returns how many.</summary>
    Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default);
}
