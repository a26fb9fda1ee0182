using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Blobs;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Support;

namespace ReflectBot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/ReflectBot.Benchmarks -- [--n 1,16,64] [--seconds 10] [--calls-only] [--bot-only] [--no-memory] [--fixed-turns K] [--churn] [--model-short] [--model-precision]
/// Starts Azurite and the bot (its own process, on blobs), then for each N: the bare storage floor (one
/// blob read and one conditional write per turn) and the bot (check-ins over HTTP), same concurrency,
/// same run; then a user with 10,000 journal entries against one with 10, and memory with 1,000
/// conversations active. Storage calls per turn are counted on an in-process host, and what sealing
/// state adds to a turn is timed in-process (--calls-only stops after these two).
/// With --filter, runs BenchmarkDotNet instead (<see cref="TurnAllocations"/>: allocations per turn).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--filter"))
        {
            BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
            return 0;
        }

        var ns = Arg(args, "--n", "1,16,64").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(double.Parse(Arg(args, "--seconds", "10"), CultureInfo.InvariantCulture));
        var root = Azurite.RepositoryRoot();

        // WebApplicationFactory looks for the app's content root by this variable when not in a test run.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REFLECTBOT", Path.Combine(root, "src", "ReflectBot"));
        await using var azurite = await Azurite.LaunchAsync();
        Console.WriteLine($"Azurite on 127.0.0.1:{azurite.Port} (in memory); {Environment.ProcessorCount} cores; {duration.TotalSeconds:F0} s per phase");

        // --model-short: the safety model's cost on short messages, alone and in shared runs, then stop.
        if (args.Contains("--model-short"))
        {
            SafetyScreenCost.PrintShort(Path.Combine(root, "dialogs"));
            return 0;
        }

        // --lexicon-filter: the lexicon pattern by pattern against the same lexicon passing over patterns without their required text, then stop.
        if (args.Contains("--lexicon-filter"))
        {
            LexiconFilterCost.Print(Path.Combine(root, "dialogs"));
            return 0;
        }

        // --model-precision: Float32 against Int8 (Safety:ModelPrecision): cost, fidelity and decisions, then stop.
        if (args.Contains("--model-precision"))
        {
            ModelPrecisionCost.Print(Path.Combine(root, "dialogs"));
            return 0;
        }

        // --bot-only: the out-of-process bot's phases and memory alone, for A/B runs of a runtime setting.
        var botOnly = args.Contains("--bot-only");
        if (!botOnly)
        {
            await CountCallsAsync(azurite.ConnectionString);
            SafetyScreenCost.Print(Path.Combine(root, "dialogs"));
            LexiconFilterCost.Print(Path.Combine(root, "dialogs"));
            await SealingCost.RunAsync(azurite.ConnectionString);
        }

        if (args.Contains("--calls-only"))
        {
            return 0;
        }

        var options = new BlobStorageOptions { ConnectionString = azurite.ConnectionString, ContainerPrefix = "floor-" };
        var floorContainer = new BlobContainers(BlobClients.Create(options), options, []).State;
        await floorContainer.EnsureAsync();
        // --cold-starts K (default 5): one cold start is mostly noise on shared cores, so K of them, each a new
        // process on new containers, and their median; the last process is the one the phases below measure.
        var coldStarts = int.Parse(Arg(args, "--cold-starts", "5"), CultureInfo.InvariantCulture);
        var (bot, http, turns, startCpu) = await ColdStartsAsync(root, azurite.ConnectionString, Math.Max(1, coldStarts));
        await using var botProcess = bot;
        using var client = http;
        if (args.Contains("--cold-only"))
        {
            return 0;
        }

        // --fixed-turns K: the bot's CPU for a fixed amount of work from the first reply (K check-in turns, 16 at a time),
        // then stop. CPU time for the same work does not depend on how much of the machine the bot gets, so it compares
        // runtime settings (what the JIT does in a short run) on a machine others keep busy, where timed phases cannot.
        if (Arg(args, "--fixed-turns", "") is { Length: > 0 } fixedTurns)
        {
            await FixedWorkAsync(bot, turns, int.Parse(fixedTurns, CultureInfo.InvariantCulture), startCpu);
            return 0;
        }

        // Warm both paths (JIT, connections) before measuring.
        await Measurement.RunAsync(4, TimeSpan.FromSeconds(3), (w, i) => FloorTurnAsync(floorContainer, $"warm-{w}"));
        var warm = await Measurement.RunAsync(8, TimeSpan.FromSeconds(8), (w, i) => BotTurnAsync(turns, "warm", w, i));

        // What a short run costs while the runtime still compiles (tier-up of the ReadyToRun code, what has none):
        // the JIT settings are judged on this as well as on the measured phases.
        Console.WriteLine($"Warm-up (8 workers, 8 s): {warm.Turns} turns, the bot's CPU {(bot.Cpu - startCpu).TotalMilliseconds:F0} ms, {(bot.Cpu - startCpu).TotalMilliseconds / Math.Max(1, warm.Turns):F2} ms/turn");

        Console.WriteLine();
        Console.WriteLine("   N  what   throughput / latency");
        foreach (var n in ns)
        {
            var floor = await Measurement.RunAsync(n, duration, (w, i) => FloorTurnAsync(floorContainer, $"n{n}-{w}"));
            var cpuBefore = bot.Cpu;
            var measured = await Measurement.RunAsync(n, duration, (w, i) => BotTurnAsync(turns, $"n{n}", w, i));
            var cpuPerTurn = (bot.Cpu - cpuBefore).TotalMilliseconds / Math.Max(1, measured.Turns);
            Console.WriteLine($"{n,4}  floor {floor}");
            Console.WriteLine($"{n,4}  bot   {measured}");
            Console.WriteLine($"{n,4}  ratio bot/floor: turns/s {measured.TurnsPerSecond / floor.TurnsPerSecond:F2} (target >= 0.8)  p99 {measured.P99 / floor.P99:F2}x (target <= 1.3)  bot CPU {cpuPerTurn:F2} ms/turn (target <= 1.5)");
        }

        if (args.Contains("--churn"))
        {
            await ConversationChurnAsync(bot, turns, duration);
        }

        if (!botOnly)
        {
            Console.WriteLine();
            await JournalSizeAsync(azurite.ConnectionString, bot, turns, duration);
        }

        // --no-memory: leave out the 1,000 conversations (minutes on a machine the bot only gets a sliver of).
        if (!args.Contains("--no-memory"))
        {
            Console.WriteLine();
            await MemoryAsync(bot, turns);
        }

        return 0;
    }

    private static async Task FixedWorkAsync(BotProcess bot, Turns turns, int count, TimeSpan startCpu)
    {
        const int Workers = 16;
        long next = -1;
        var failed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            for (long i = 0; Interlocked.Increment(ref next) < count; i++)
            {
                bool ok;
                try
                {
                    ok = await BotTurnAsync(turns, "fixed", w, i);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var cpu = bot.Cpu;
        Console.WriteLine($"Fixed work: {count} check-in turns, {Workers} at a time, {failed} failed, {clock.Elapsed.TotalSeconds:F1} s: the bot's CPU {(cpu - startCpu).TotalMilliseconds:F0} ms after the first reply ({(cpu - startCpu).TotalMilliseconds / count:F2} ms/turn), {cpu.TotalMilliseconds:F0} ms since its start");
    }

    private static async Task CountCallsAsync(string connectionString)
    {
        using var host = new CountingHost(connectionString, "count-");
        using var http = host.CreateClient();
        var turns = new Turns(http);
        var counter = host.Services.GetRequiredService<StorageCallCounter>();
        await host.Services.GetRequiredService<BlobContainers>().State.EnsureAsync();
        Console.WriteLine("Storage calls per turn (blob requests, in-process host; the first check-in of a user's second conversation, after a first one warmed the containers):");
        await RunCheckInAsync(turns, "count-user", "count-warm");
        foreach (var text in Turns.CheckIn)
        {
            var before = counter.Snapshot();
            await turns.SayAsync("count-user", "count-conv", text);
            Console.WriteLine($"  {text,-12} {counter.Snapshot() - before}");
        }

        // A check-in in the conversation it already ran in (the loop the throughput phases run), and a mid-journey turn.
        foreach (var text in Turns.CheckIn.Take(2))
        {
            var before = counter.Snapshot();
            await turns.SayAsync("count-user", "count-conv", text);
            Console.WriteLine($"  {text,-12} {counter.Snapshot() - before}   (again, in the same conversation)");
        }

        var help = counter.Snapshot();
        await turns.SayAsync("count-user", "count-conv", "help");
        Console.WriteLine($"  {"help",-12} {counter.Snapshot() - help}   (nothing changed: no write)");
    }

    private static async Task RunCheckInAsync(Turns turns, string user, string conversation)
    {
        foreach (var text in Turns.CheckIn)
        {
            await turns.SayAsync(user, conversation, text);
        }
    }

    /// <summary>
    /// The peer harness's driver starts a new conversation for each check-in, for the same user (as a web chat visit
    /// does), where the rows above keep one conversation: the user's document then holds up to
    /// <see cref="FoldedStateScope.MaxConversations"/> finished conversations and the profile up to 200 conversation
    /// ids, and every turn reads, hashes and writes them. Both loops at N=16, alternating, on the same process.
    /// </summary>
    private static async Task ConversationChurnAsync(BotProcess bot, Turns turns, TimeSpan duration)
    {
        Console.WriteLine();
        Console.WriteLine("One conversation per worker against a new conversation for each check-in (the peer harness's loop), N=16, alternating:");
        for (var round = 1; round <= 2; round++)
        {
            foreach (var churn in new[] { false, true })
            {
                var phase = $"churn{round}{(churn ? "new" : "same")}";
                var cpuBefore = bot.Cpu;
                var run = await Measurement.RunAsync(16, duration, (w, i) => churn ? NewConversationTurnAsync(turns, phase, w, i) : BotTurnAsync(turns, phase, w, i));
                var cpu = (bot.Cpu - cpuBefore).TotalMilliseconds / Math.Max(1, run.Turns);
                Console.WriteLine($"  {(churn ? "new conversation each check-in" : "one conversation"),-31} {run}  bot CPU {cpu:F2} ms/turn");
            }
        }
    }

    private static async Task<bool> NewConversationTurnAsync(Turns turns, string phase, int worker, long index)
    {
        var (ok, _) = await turns.SayAsync($"{phase}-user-{worker}", $"{phase}-conv-{worker}-{index / Turns.CheckIn.Length}", Turns.CheckIn[index % Turns.CheckIn.Length]);
        return ok;
    }

    private static async Task<bool> BotTurnAsync(Turns turns, string phase, int worker, long index)
    {
        var (ok, _) = await turns.SayAsync($"{phase}-user-{worker}", $"{phase}-conv-{worker}", Turns.CheckIn[index % Turns.CheckIn.Length]);
        return ok;
    }

    private static readonly BinaryData FloorBody = BinaryData.FromString(new string('s', 1500));

    /// <summary>The floor: what any ETag-safe turn must cost at least, one read and one conditional write of one blob.</summary>
    private static async Task<bool> FloorTurnAsync(BlobContainer container, string name)
    {
        var blob = container.Client.GetBlobClient(name);
        ETag etag;
        try
        {
            etag = (await blob.DownloadContentAsync()).Value.Details.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await blob.UploadAsync(FloorBody, overwrite: true);
            return true;
        }

        await blob.UploadAsync(FloorBody, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } });
        return true;
    }

    /// <summary>Users per phase of the journal-size run: each conversation is its own user's, each user has that many entries.</summary>
    private const int JournalUsers = 4;

    private static async Task JournalSizeAsync(string connectionString, BotProcess bot, Turns turns, TimeSpan duration)
    {
        var options = new BlobStorageOptions { ConnectionString = connectionString, ContainerPrefix = "bench-" };
        var journal = new ReflectBot.Storage.Sealing.SealedItemStore(
            new BlobItemStore(new BlobContainers(BlobClients.Create(options), options, [ItemStoreNames.Journal]).For(ItemStoreNames.Journal)),
            ItemStoreNames.Journal,
            new ItemCipher(new JournalKeyRing(
                Microsoft.Extensions.Options.Options.Create(new JournalOptions { EncryptionKey = CountingHost.JournalKey }),
                Microsoft.Extensions.Options.Options.Create(new StorageOptions { Kind = StorageKinds.Blob }),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<JournalKeyRing>.Instance)));
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var seeds = new[] { ("light", 10), ("heavy", 10_000) }
            .SelectMany(size => Enumerable.Range(0, JournalUsers).SelectMany(u => Enumerable.Range(0, size.Item2).Select(i => (User: $"{size.Item1}-{u}", Index: i))));
        await Parallel.ForEachAsync(seeds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (seed, ct) =>
        {
            var entry = new JournalEntry { Id = $"e{seed.Index:D5}", UserId = $"webchat/{seed.User}", JourneyId = "daily-check-in", JourneyTitle = "Daily check-in", Mood = 5, CreatedUtc = DateTimeOffset.UnixEpoch.AddDays(seed.Index) };
            entry.Answers["feelings"] = "steady";
            var bytes = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(entry, StoreJson.Settings));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await journal.WriteAsync($"webchat/{seed.User}/{entry.Id}", bytes, cancellationToken: ct);
                    break;
                }
                catch (StorageUnavailableException) when (attempt < 5)
                {
                    // A busy machine can make Azurite slower than the client's short timeout.
                }
            }
        });

        var results = new Dictionary<string, (Measurement Run, double CpuMs)>();
        foreach (var size in new[] { "light", "heavy", "light", "heavy" })
        {
            // Alternated twice so a drift in the machine does not favour one. Worker w is user {size}-{w} in
            // their own conversation: no two conversations of one user race for its document.
            var cpuBefore = bot.Cpu;
            var run = await Measurement.RunAsync(JournalUsers, duration / 2, async (w, i) => (await turns.SayAsync($"{size}-{w}", $"{size}-conv-{w}", Turns.CheckIn[i % Turns.CheckIn.Length])).Ok);
            var cpu = (bot.Cpu - cpuBefore).TotalMilliseconds;
            results[size] = results.TryGetValue(size, out var earlier) ? (Combine(earlier.Run, run), earlier.CpuMs + cpu) : (run, cpu);
        }

        double CpuPerTurn(string size) => results[size].CpuMs / Math.Max(1, results[size].Run.Turns);
        Console.WriteLine($"Journal size, N={JournalUsers}, one user per conversation, each user with 10 or 10,000 entries (seeded in {seeding.Elapsed.TotalSeconds:F0} s):");
        Console.WriteLine($"  10 entries     {results["light"].Run}  bot CPU {CpuPerTurn("light"):F2} ms/turn");
        Console.WriteLine($"  10,000 entries {results["heavy"].Run}  bot CPU {CpuPerTurn("heavy"):F2} ms/turn");
        Console.WriteLine($"  ratio 10,000/10: turns/s {results["heavy"].Run.TurnsPerSecond / results["light"].Run.TurnsPerSecond:F2}  p50 {results["heavy"].Run.P50 / results["light"].Run.P50:F2}x  CPU/turn {CpuPerTurn("heavy") / CpuPerTurn("light"):F2}x (target: cost within 1.15x)");
    }

    private static Measurement Combine(Measurement a, Measurement b)
        => new(a.Turns + b.Turns, a.Errors + b.Errors, a.Seconds + b.Seconds, (a.P50 + b.P50) / 2, (a.P95 + b.P95) / 2, (a.P99 + b.P99) / 2);

    private static async Task MemoryAsync(BotProcess bot, Turns turns)
    {
        var (wsBefore, _) = bot.Memory;
        var anonymousBefore = bot.ResidentAnonymous;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            await turns.SayAsync($"mem-user-{i}", $"mem-conv-{i}", "check in", ct);
            await turns.SayAsync($"mem-user-{i}", $"mem-conv-{i}", "4", ct);
        });
        var (ws, priv) = bot.Memory;
        Console.WriteLine($"Memory with 1,000 conversations mid-check-in: working set {ws / 1048576.0:F0} MB (before them {wsBefore / 1048576.0:F0} MB), private: RssAnon {bot.ResidentAnonymous / 1048576.0:F0} MB (judged on this, target <= 200 MB; before them {anonymousBefore / 1048576.0:F0} MB), PrivateMemorySize64 (VmData on Linux) {priv / 1048576.0:F0} MB");
    }

    private static async Task<(BotProcess Bot, HttpClient Http, Turns Turns, TimeSpan StartCpu)> ColdStartsAsync(string root, string connectionString, int count)
    {
        var health = new List<double>();
        var first = new List<double>();
        var cpu = new List<double>();
        for (var i = 1; ; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var bot = await BotProcess.StartAsync(root, connectionString, i == count ? "bench-" : $"cold{i}-");
            var healthy = clock.Elapsed;
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(30) };
            var turns = new Turns(http);
            await turns.SayAsync("cold-user", "cold-conv", "check in", CancellationToken.None);
            var replied = clock.Elapsed;
            var startCpu = bot.Cpu;
            health.Add(healthy.TotalMilliseconds);
            first.Add(replied.TotalMilliseconds);
            cpu.Add(startCpu.TotalMilliseconds);
            Console.WriteLine($"Cold start {i} of {count}: process start to /health {healthy.TotalMilliseconds:F0} ms, to the first reply {replied.TotalMilliseconds:F0} ms; the bot's CPU to the first reply {startCpu.TotalMilliseconds:F0} ms");
            if (i == count)
            {
                Console.WriteLine($"Cold start, median of {count}: to /health {Median(health):F0} ms, to the first reply {Median(first):F0} ms (target <= 2000 ms), the bot's CPU {Median(cpu):F0} ms");
                return (bot, http, turns, startCpu);
            }

            http.Dispose();
            await bot.DisposeAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
