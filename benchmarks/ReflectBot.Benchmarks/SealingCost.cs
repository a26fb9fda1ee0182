using System.Diagnostics;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Benchmarks;

/// <summary>
/// What sealing adds to a turn: one write and one read of a real mid-check-in conversation state, through
/// <see cref="SealedStorage"/> and without it, both over Bot Builder's in-memory store so only the CPU of
/// serializing and sealing is measured (a turn reads two states and writes one or two).
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

        const string key = "webchat/conversations/seal-conv";
        var state = (IDictionary<string, object>)(await host.Services.GetRequiredService<IStorage>().ReadAsync([key]))[key];
        var document = JObject.FromObject(state.Where(p => p.Key != "eTag").ToDictionary(p => p.Key, p => p.Value));
        var size = Encoding.UTF8.GetByteCount(document.ToString(Formatting.None));
        var cipher = host.Services.GetRequiredService<ItemCipher>();

        var plain = await TimeAsync(new MemoryStorage(), key, document);
        var sealedStore = await TimeAsync(new SealedStorage(new MemoryStorage(), cipher), key, document);
        Console.WriteLine($"Sealing, one conversation state of {size / 1024.0:F1} KB, write + read: {sealedStore:F1} µs sealed, {plain:F1} µs plain (in-memory store): +{sealedStore - plain:F1} µs per write and read");
    }

    private static async Task<double> TimeAsync(IStorage storage, string key, JObject document)
    {
        for (var i = 0; i < Rounds / 10; i++)
        {
            await RoundAsync(storage, key, document);
        }

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
}
