using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage;

/// <summary>
/// The last version of each recently active user's document (<see cref="FoldedStateStorage"/>) that this process
/// read or wrote, with its ETag, so that the bot's turn can start without reading it back: a mid-journey turn then
/// costs one conditional write and no read.
/// <para>
/// Never trusted, always proved: the turn's conditional write fails if anyone (another instance, another process,
/// this process outside a turn) wrote the document since, and the turn then runs again on a fresh read; a turn
/// that writes nothing reads the document's ETag before its replies go out and runs again if it moved
/// (<see cref="FoldedStateScope.CommitAsync"/>). So a stale entry costs a run, never a reply from old state.
/// </para>
/// <para>
/// Bounded (least recently used out first) and short-lived (an entry idle for <see cref="StateCacheOptions.Idle"/>
/// is dropped), because it holds people's state in the clear in this process's memory; a deleted document leaves
/// it at once. Entries are kept as compact JSON (UTF-8; a document held as a JObject tree took about 20 KB, several
/// times its text) and handed out freshly parsed, as a read from the store would be: a turn may change what it gets.
/// (The memory target's misses were not these copies but old garbage the server GC kept: see ReflectBot.csproj's
/// System.GC.ConserveMemory.)
/// </para>
/// </summary>
public sealed class StateDocumentCache
{
    private readonly int _capacity;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<Entry> _order = new();

    public StateDocumentCache(StateCacheOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = Math.Max(0, options.Entries);
        _idle = options.Idle;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>False when the cache keeps nothing (<see cref="StateCacheOptions.Entries"/> is 0).</summary>
    public bool Enabled => _capacity > 0 && _idle > TimeSpan.Zero;

    /// <summary>How many documents are held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A copy of the document last seen under <paramref name="key"/>, or null (none, or idle too long).</summary>
    public CachedStateDocument? TryGet(string key)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            var now = _time.GetUtcNow();
            if (now - node.Value.Used > _idle)
            {
                Unlink(node);
                return null;
            }

            node.Value = node.Value with { Used = now };
            _order.Remove(node);
            _order.AddFirst(node);
            entry = node.Value;
        }

        return new CachedStateDocument(entry.ETag, Parse(entry.User), Parse(entry.Conversations));
    }

    /// <summary>Keeps a private copy of the document as stored under <paramref name="etag"/>.</summary>
    public void Set(string key, string etag, JObject user, JObject conversations)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(conversations);
        if (!Enabled || string.IsNullOrEmpty(etag))
        {
            return;
        }

        var entry = new Entry(key, etag, Utf8(user), Utf8(conversations), _time.GetUtcNow());
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                Unlink(old);
            }

            _entries[key] = _order.AddFirst(entry);
            while (_entries.Count > _capacity && _order.Last is { } oldest)
            {
                Unlink(oldest);
            }
        }
    }

    /// <summary>Forgets the document under <paramref name="key"/> (deleted, written elsewhere, or its write's outcome unknown).</summary>
    public void Remove(string key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                Unlink(node);
            }
        }
    }

    private static byte[] Utf8(JObject document) => Encoding.UTF8.GetBytes(document.ToString(Formatting.None));

    // As the sealed store reads a document (dates stay strings), so a copy reads exactly as the stored one would.
    private static JObject Parse(byte[] utf8)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(utf8), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        return JObject.Load(reader);
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private readonly record struct Entry(string Key, string ETag, byte[] User, byte[] Conversations, DateTimeOffset Used);
}

/// <summary>A user's document as last seen: the user part, the conversations, and the ETag it was stored under.</summary>
public sealed record CachedStateDocument(string ETag, JObject User, JObject Conversations);
