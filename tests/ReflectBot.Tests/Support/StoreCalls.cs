using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Support;

/// <summary>
/// Counts every call a host makes to its stores (bot state and every item store, reads, writes, deletes,
/// listings), around the real file stores in its data folder.
/// </summary>
public sealed class StoreCalls
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Replaces the host's stores with counting ones over the same files (for <see cref="BotHost.TestServices"/>).</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<IStorage>(sp => new CountingStorage(new FileStorage(sp.GetRequiredService<IOptions<StorageOptions>>()), this));
        foreach (var name in ItemStoreNames.All)
        {
            services.AddKeyedSingleton<IItemStore>(name, (sp, _) => new CountingStore(
                new FileItemStore(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath), name)), this));
        }
    }

    private void Add() => Interlocked.Increment(ref _count);

    private sealed class CountingStorage(IStorage inner, StoreCalls calls) : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.DeleteAsync(keys, cancellationToken);
        }
    }

    private sealed class CountingStore(IItemStore inner, StoreCalls calls) : IItemStore
    {
        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.ReadAsync(key, cancellationToken);
        }

        public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.WriteAsync(key, content, ifMatch, createOnly, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.DeleteAsync(key, cancellationToken);
        }

        public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            calls.Add();
            await foreach (var key in inner.ListAsync(folder, cancellationToken))
            {
                yield return key;
            }
        }

        public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
        {
            calls.Add();
            return inner.DeleteFolderAsync(folder, cancellationToken);
        }
    }
}
