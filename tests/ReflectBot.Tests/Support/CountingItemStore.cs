using System.Runtime.CompilerServices;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Support;

/// <summary>An item store that counts how often it is read, listed and written, around a real one.</summary>
public sealed class CountingItemStore(IItemStore inner) : IItemStore
{
    public int Reads { get; private set; }

    public int Lists { get; private set; }

    public int Writes { get; private set; }

    public void Reset() => (Reads, Lists, Writes) = (0, 0, 0);

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.ReadAsync(key, cancellationToken);
    }

    public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.WriteAsync(key, content, ifMatch, createOnly, cancellationToken);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Lists++;
        await foreach (var key in inner.ListAsync(folder, cancellationToken))
        {
            yield return key;
        }
    }

    public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default) => inner.DeleteFolderAsync(folder, cancellationToken);
}
