using System.Diagnostics;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Benchmarks;

/// <summary>
/// What sealing adds to a turn: one write and one read of a real mid-check-in conversation state (and of
/// the same state carrying a 4 KB answer, as a long safety-plan draft would), through
/// <see cref="SealedStorage"/> and without it, over an in-memory store that serializes as the file and blob
/// stores do, so only the CPU of serializing and sealing is measured (a turn reads two states and writes
/// one or two).
/// </summary>
public static class SealingCost
{
    private const int Rounds = 20_000;

    public static async Task RunAsync(string connectionString)
    {
        using var host = new CountingHost(connectionString, "seal-");
        using var http = host.CreateClient();
        var turns = new Turns(http);
        await turns.SayAsync("seal-user", "seal-conv", "check in");
        await turns.SayAsync("seal-user", "seal-conv", "4");
        await turns.SayAsync("seal-user", "seal-conv", "a little tired but steady, thinking about the week ahead");

        // The conversation's state, as its user's record holds it (FoldedStateStorage).
        const string key = "webchat/conversations/seal-conv";
        const string userKey = "webchat/users/seal-user";
        var user = (IDictionary<string, object>)(await host.Services.GetRequiredService<IStorage>().ReadAsync([userKey]))[userKey];
        var document = (JObject)JObject.FromObject(user[FoldedStateStorage.ConversationsProperty])["seal-conv"]!;
        var cipher = host.Services.GetRequiredService<ItemCipher>();

        var large = (JObject)document.DeepClone();
        large["draft"] = new string('x', 4096);
        foreach (var (what, sample) in new[] { ("mid-check-in", document), ("with a 4 KB answer", large) })
        {
            var bytes = Encoding.UTF8.GetByteCount(sample.ToString(Formatting.None));
            // Both warmed first, then measured alternately three times, the best of each kept: the machine
            // is shared, and the JIT's later tiers must not favour whichever runs second.
            IStorage plainStore = new JsonMemoryStorage(), sealingStore = new SealedStorage(new JsonMemoryStorage(), cipher);
            await TimeAsync(plainStore, key, sample);
            await TimeAsync(sealingStore, key, sample);
            double plain = double.MaxValue, sealedStore = double.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                plain = Math.Min(plain, await TimeAsync(plainStore, key, sample));
                sealedStore = Math.Min(sealedStore, await TimeAsync(sealingStore, key, sample));
            }

            Console.WriteLine($"Sealing, conversation state {what} ({bytes / 1024.0:F1} KB), one write + one read: {sealedStore:F1} µs sealed, {plain:F1} µs plain: +{sealedStore - plain:F1} µs");
        }
    }

    private static async Task<double> TimeAsync(IStorage storage, string key, JObject document)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            await RoundAsync(storage, key, document);
        }

        return clock.Elapsed.TotalMicroseconds / Rounds;
    }

    private static async Task RoundAsync(IStorage storage, string key, JObject document)
    {
        var value = document.ToObject<Dictionary<string, object>>()!;
        await storage.WriteAsync(new Dictionary<string, object> { [key] = value });
        _ = await storage.ReadAsync([key]);
    }

    /// <summary>State kept as JSON text, written and parsed as <see cref="ReflectBot.Storage.FileStorage"/> does, with no I/O.</summary>
    private sealed class JsonMemoryStorage : IStorage
    {
        private readonly Dictionary<string, string> _items = new(StringComparer.Ordinal);

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var text))
                {
                    using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
                    result[key] = ReflectBot.Storage.StoreJson.ToReadResult(JObject.Load(reader), "\"etag\"");
                }
            }

            return Task.FromResult<IDictionary<string, object>>(result);
        }

        public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
            where TStoreItem : class
            => (await ReadAsync(keys, cancellationToken)).ToDictionary(p => p.Key, p => JObject.FromObject(p.Value).ToObject<TStoreItem>()!);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            foreach (var (key, value) in changes)
            {
                var (document, _) = ReflectBot.Storage.StoreJson.ToDocument(value);
                _items[key] = document.ToString(Formatting.None);
                ReflectBot.Storage.StoreJson.StampETag(value, "\"etag\"");
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
}
