using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Security;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Upgrade;

/// <summary>At start-up the host says, once and naming the command, when records under user keys of an earlier build wait for <c>upgrade-data</c>; it costs one listing per store and nothing on a turn.</summary>
public sealed class StartupCheckTests : IDisposable
{
    private const int RecordsFound = 3101;

    private readonly string _data = PreSealingFixture.Copy();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task AHostStartedOnRecordsOfAnEarlierBuildWarnsOnceNamingUpgradeDataAndEveryStoreThatHoldsThem()
    {
        var logs = new LogCollector();
        using (var host = Host(_data, services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            _ = host.Services;
        }

        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == RecordsFound);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Run `upgrade-data` once", warning.Message, StringComparison.Ordinal);
        Assert.Contains("The journal, safety, references, clinic store(s)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fixture", warning.Message, StringComparison.Ordinal);

        // Once upgraded, the same folder starts without it.
        Assert.Equal(0, (await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data))).Exit);
        var after = new LogCollector();
        using (var host = Host(_data, services => services.AddSingleton<ILoggerProvider>(after)))
        {
            _ = host.Services;
        }

        Assert.DoesNotContain(after.Entries, e => e.EventId.Id is RecordsFound or RecordsFound + 1);
    }

    [Fact]
    public async Task AHostOnDataOfThisVersionStartsWithoutTheWarning()
    {
        // Every kind of record this version writes: the full session's, a wrong join code and an assignment.
        var data = TempFolder.Create();
        using (var host = new ClinicHost(ClinicHost.Clock(), data))
        {
            var session = new FullSession(host);
            await session.RunAsync();
            Assert.Contains("I don't recognise that code", await session.Client.ReadAsync("connect ZZZZ2345"), StringComparison.Ordinal);
            await AssignTests.AssignAsync(session.Clinician, session.ClientName, "Daily check-in", "daily at 9 for two weeks");
        }

        var logs = new LogCollector();
        using (var again = new ClinicHost(ClinicHost.Clock(), data, services: services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            _ = again.Services;
        }

        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id is RecordsFound or RecordsFound + 1);
        await using var app = PreSealingFixture.App([("Storage:DataPath", data)]);
        var (exit, output) = await PreSealingFixture.UpgradeAsync(app.Services);
        Assert.True(exit == 0 && output.Contains("Nothing to do", StringComparison.Ordinal), output);
    }

    [Fact]
    public void TheCheckListsEachStoreOnceAndReadsAndWritesNothing()
    {
        var counting = new Dictionary<string, CountingItemStore>(StringComparer.Ordinal);
        using var host = Host(_data, services =>
        {
            foreach (var name in ItemStoreNames.All)
            {
                services.AddKeyedSingleton<IItemStore>(name, (sp, _) => counting[name] = new CountingItemStore(new SealedItemStore(
                    new FileItemStore(Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath, name)), name, sp.GetRequiredService<ItemCipher>())));
            }
        });
        _ = host.Services;

        Assert.Equal(ItemStoreNames.All.Order(), counting.Keys.Order());
        Assert.All(counting.Values, store => Assert.Equal((1, 0, 0), (store.Lists, store.Reads, store.Writes)));
    }

    private static ClinicHost Host(string data, Action<IServiceCollection> services)
        => new(ClinicHost.Clock(PreSealingFixture.Written.AddHours(1)), data, services: services, settings: PreSealingFixture.Settings(data));
}
