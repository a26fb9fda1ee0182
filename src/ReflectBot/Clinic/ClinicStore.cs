using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Storage;

namespace ReflectBot.Clinic;

/// <summary>Typed JSON records on the clinic item store (which seals each one), with the store's ETag conditions passed through.</summary>
public sealed class ClinicStore([FromKeyedServices(ItemStoreNames.Clinic)] IItemStore items)
{
    private const int MaxConflictRetries = 8;

    public async Task<Versioned<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class
    {
        var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var value = JsonConvert.DeserializeObject<T>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings);
        return value is null ? null : new Versioned<T>(value, item.ETag);
    }

    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class
        => (await ReadAsync<T>(key, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Writes; a failed <paramref name="ifMatch"/> or <paramref name="createOnly"/> condition throws <see cref="ETagConflictException"/>.</summary>
    public Task<string> WriteAsync<T>(string key, T value, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
        => items.WriteAsync(key, Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, StoreJson.Settings)), ifMatch, createOnly, cancellationToken);

    /// <summary>Writes only if nothing is stored under the key yet; false when something was.</summary>
    public async Task<bool> TryCreateAsync<T>(string key, T value, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(key, value, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ETagConflictException)
        {
            return false;
        }
    }

    /// <summary>Writes only if the stored item still has <paramref name="etag"/>; false when another writer got there first.</summary>
    public async Task<bool> TryReplaceAsync<T>(string key, T value, string etag, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(key, value, ifMatch: etag, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ETagConflictException)
        {
            return false;
        }
    }

    /// <summary>
    /// Read, change, write back under the ETag read; retried on a conflict. <paramref name="change"/> gets
    /// null when there is no item and returns null to leave things as they are.
    /// </summary>
    public async Task<T?> UpdateAsync<T>(string key, Func<T?, T?> change, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadAsync<T>(key, cancellationToken).ConfigureAwait(false);
            var next = change(current?.Value);
            if (next is null)
            {
                return current?.Value;
            }

            try
            {
                await WriteAsync(key, next, current?.ETag, createOnly: current is null, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (ETagConflictException) when (attempt < MaxConflictRetries)
            {
            }
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => items.DeleteAsync(key, cancellationToken);

    public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default) => items.DeleteFolderAsync(folder, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default) => items.ListAsync(folder, cancellationToken);

    /// <summary>Every record under a folder.</summary>
    public async Task<List<T>> ListValuesAsync<T>(string folder, CancellationToken cancellationToken = default)
        where T : class
    {
        var values = new List<T>();
        await foreach (var key in items.ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync<T>(key, cancellationToken).ConfigureAwait(false) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
