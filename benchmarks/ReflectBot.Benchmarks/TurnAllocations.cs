using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ReflectBot.Tests.Support;

namespace ReflectBot.Benchmarks;

/// <summary>
/// Allocations (and time) per turn of the whole pipeline in process, with BenchmarkDotNet's memory diagnoser:
/// dotnet run -c Release --project benchmarks/ReflectBot.Benchmarks -- --filter '*TurnAllocations*'.
/// The host runs in this process on blob storage in Azurite (its own process); each turn goes through the
/// in-memory test server as a POST to /api/messages with expectReplies, so the figures include the client's half
/// of that exchange (building and reading the activity JSON), which a real channel would not add to the bot.
/// </summary>
[Config(typeof(Settings))]
public class TurnAllocations : IDisposable
{
    private Azurite? _azurite;
    private CountingHost? _host;
    private HttpClient? _http;
    private Turns? _turns;
    private int _conversation;

    /// <summary>In process (no separate benchmark build, which the busy machine cannot afford), few iterations.</summary>
    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithInvocationCount(20).WithUnrollFactor(1));
            AddDiagnoser(MemoryDiagnoser.Default);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REFLECTBOT", Path.Combine(Azurite.RepositoryRoot(), "src", "ReflectBot"));
        _azurite = Azurite.LaunchAsync().GetAwaiter().GetResult();
        _host = new CountingHost(_azurite.ConnectionString, "bdn-");
        _http = _host.CreateClient();
        _turns = new Turns(_http);

        // Warm: containers, JIT, the safety model, one whole check-in.
        foreach (var text in Turns.CheckIn)
        {
            _turns.SayAsync("bdn-warm", "bdn-warm", text).GetAwaiter().GetResult();
        }

        _turns.SayAsync("bdn-user", "bdn-quiet", "help").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http?.Dispose();
        _http = null;
        _host?.Dispose();
        _host = null;
        _azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _azurite = null;
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>The daily check-in's five turns ("check in", a mood, a feeling, a thought, "yes" saving it), per turn.</summary>
    [Benchmark(OperationsPerInvoke = 5)]
    public async Task CheckInTurn()
    {
        // A user and conversation of its own for each check-in, as in the throughput benchmark.
        var id = Interlocked.Increment(ref _conversation);
        foreach (var text in Turns.CheckIn)
        {
            await _turns!.SayAsync($"bdn-{id % 64}", $"bdn-conv-{id % 64}", text);
        }
    }

    /// <summary>A turn that changes nothing ("help": one read, no write).</summary>
    [Benchmark]
    public Task<(bool Ok, string Text)> NoChangeTurn() => _turns!.SayAsync("bdn-user", "bdn-quiet", "help");
}
