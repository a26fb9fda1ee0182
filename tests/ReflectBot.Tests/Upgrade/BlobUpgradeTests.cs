using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Storage;
using ReflectBot.Storage.Blobs;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Upgrade;

/// <summary>
/// <c>upgrade-data</c> on blobs, in a real Azurite. The fixture is copied into blobs the way the earlier build laid
/// them out: each record through <see cref="BlobItemStore"/> and each state through <see cref="BlobStorage"/>, unsealed,
/// at its key of then; both classes name blobs today exactly as that build did (only a scan was added since), so
/// the blobs are the earlier build's, bytes and names.
/// </summary>
public sealed class BlobUpgradeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OnBlobsEveryRecordOfTheEarlierBuildIsFoundUnderItsUsersNewKeyAndTheOldLayoutHoldsNothing()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var settings = Settings(prefix);
        await CopyFixtureAsync(settings);
        var before = await RawStores.BlobsAsync(azurite.ConnectionString, prefix);
        Assert.Contains(before, b => b.Where == $"{prefix}journal/webchat/fixture-client/559b268a63a5ef32d9c59309");
        Assert.Contains(before, b => b.Where == $"{prefix}clinic/links/webchat%252Ffixture-client/webchat%252Ffixture-clinician");

        // A host started on them says what to run.
        var logs = new LogCollector();
        using (var host = Host(settings, logs))
        {
            _ = host.Services;
        }

        Assert.Contains("Run `upgrade-data` once", Assert.Single(logs.Entries, e => e.EventId.Id == 3101).Message, StringComparison.Ordinal);

        var (exit, output) = await PreSealingFixture.UpgradeAsync(settings);
        Assert.True(exit == 0, output);
        Assert.Contains("journal: 3 moved to the user's new key (entry: 3)", output, StringComparison.Ordinal);
        Assert.Contains("safety: 2 moved to the user's new key (event: 1, plan: 1)", output, StringComparison.Ordinal);
        Assert.Contains("references: 2 moved to the user's new key (reference: 2)", output, StringComparison.Ordinal);
        Assert.Contains("clinic: 5 moved to the user's new key (client: 1, link: 1, roster: 1, score: 1, shared mark: 1); 1 rewritten in place (join code: 1)", output, StringComparison.Ordinal);

        // Every blob of the earlier layout is gone; each moved one is sealed for its new place.
        var after = await RawStores.BlobsAsync(azurite.ConnectionString, prefix);
        Assert.DoesNotContain(after, b => b.Where.Contains("/webchat/", StringComparison.Ordinal) || b.Where.Contains("%252F", StringComparison.Ordinal));
        Assert.All(after.Where(b => b.Where.Contains("%3A", StringComparison.Ordinal)), b => Assert.True(ItemCipher.IsSealed(b.Content), b.Where));
        await using (var app = PreSealingFixture.App(settings))
        {
            await PreSealingFixture.AssertFoundUnderNewKeysAsync(app.Services);
            await PreSealingFixture.AssertNothingLeftInTheOldLayoutAsync(app.Services);
        }

        // A second run finds nothing and changes no blob.
        (exit, output) = await PreSealingFixture.UpgradeAsync(settings);
        Assert.True(exit == 0 && output.Contains("Nothing to do", StringComparison.Ordinal), output);
        Assert.Equal(Describe(after), Describe(await RawStores.BlobsAsync(azurite.ConnectionString, prefix)));

        // And the people see theirs again, over HTTP.
        var quiet = new LogCollector();
        using var started = Host(settings, quiet);
        var client = started.User(PreSealingFixture.ClientId, "Marigold Quenby");
        Assert.Contains("LEGACY-PLAN-g-tamarisk", await client.ReadAsync("safety plan"), StringComparison.Ordinal);
        Assert.Contains("Dr Fenwick Ashdown", await client.ReadAsync("my clinician"), StringComparison.Ordinal);
        Assert.Contains("Marigold Quenby", await started.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown").ReadAsync("clients"), StringComparison.Ordinal);
        Assert.DoesNotContain(quiet.Entries, e => e.EventId.Id == 3101);
    }

    private (string Key, string? Value)[] Settings(string prefix)
        => [.. BlobBotHost.Settings(azurite.ConnectionString, prefix).Where(s => s.Key != "Journal:EncryptionKey"), .. PreSealingFixture.Settings(TempFolder.Create())];

    private static ClinicHost Host((string Key, string? Value)[] settings, LogCollector logs)
        => new(ClinicHost.Clock(PreSealingFixture.Written.AddHours(1)), services: s => s.AddSingleton<ILoggerProvider>(logs), settings: settings);

    // The fixture's records at their keys of then, through the blob classes the earlier build used, as they were stored (plain, or sealed for their place of then).
    private static async Task CopyFixtureAsync((string Key, string? Value)[] settings)
    {
        var copy = PreSealingFixture.Copy();
        try
        {
            await using var app = PreSealingFixture.App(settings);
            var containers = app.Services.GetRequiredService<BlobContainers>();
            foreach (var name in ItemStoreNames.All)
            {
                var from = new FileItemStore(Path.Combine(copy, name));
                var to = new BlobItemStore(containers.For(name));
                await foreach (var key in from.ListAsync(string.Empty))
                {
                    await to.WriteAsync(key, (await from.ReadAsync(key))!.Content);
                }
            }

            var state = new BlobStorage(containers.State);
            await foreach (var scanned in new FileStorage(Path.Combine(copy, "state")).ScanAsync())
            {
                await state.WriteAsync(new Dictionary<string, object> { [scanned.Key!] = scanned.Document });
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string Describe(IReadOnlyList<RawStores.Stored> blobs)
        => string.Join("\n", blobs.OrderBy(b => b.Where, StringComparer.Ordinal).Select(b => $"{b.Where} {b.Metadata} {Convert.ToBase64String(b.Content)}"));
}
