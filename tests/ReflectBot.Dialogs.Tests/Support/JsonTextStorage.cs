using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs.Tests.Support;

/// <summary>
/// Storage that keeps nothing but JSON text, written with Json.NET's default settings (no type names),
/// as a file or blob store would: whatever survives a turn has to survive being text.
/// </summary>
internal sealed class JsonTextStorage : IStorage
{
    private readonly Dictionary<string, string> _items = new(StringComparer.Ordinal);

    /// <summary>The stored text, by key.</summary>
    public IReadOnlyDictionary<string, string> Items => _items;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var json))
            {
                found[key] = JObject.Parse(json);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(found);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            _items[key] = JsonConvert.SerializeObject(value);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            _items.Remove(key);
        }

        return Task.CompletedTask;
    }
}
