using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Upgrade;

/// <summary>
/// <c>upgrade-data</c> on the file store, from the last released build's data folder (<see cref="PreSealingFixture"/>):
/// run twice, stopped half-way, on a user who already used this version, on ids that break today's rules, on
/// events filed under the hash of an earlier key, and on a dialog left half-way holding an earlier key.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private readonly string _data = PreSealingFixture.Copy();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task RunningUpgradeDataASecondTimeChangesNothing()
    {
        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        var after = Snapshot();

        (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.Contains("Nothing to do: no record is under a user key of an earlier build.", output, StringComparison.Ordinal);
        foreach (var store in new[] { "journal", "safety", "references", "clinic", "state" })
        {
            Assert.Contains($"{store}: nothing under keys of earlier builds", output, StringComparison.Ordinal);
        }

        // Not a byte of any file, ETags included, and no file more or less.
        Assert.Equal(after, Snapshot());
    }

    [Fact]
    public async Task AnUpgradeStoppedAfterAnyWriteOrDeleteIsFinishedByTheNextRun()
    {
        // How many writes and deletes a whole run makes.
        var counted = new Budget(int.MaxValue);
        Assert.Equal(0, (await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data), counted.Install)).Exit);
        Assert.InRange(counted.Used, 20, 60);

        for (var stopAfter = 0; stopAfter < counted.Used; stopAfter++)
        {
            var data = PreSealingFixture.Copy();
            try
            {
                var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(data), new Budget(stopAfter).Install);
                Assert.True(exit == 1 && output.Contains("Storage did not answer", StringComparison.Ordinal), $"stopped after {stopAfter}: {output}");

                await using var app = PreSealingFixture.App(PreSealingFixture.Settings(data));
                (exit, output) = await PreSealingFixture.UpgradeAsync(app.Services);
                Assert.True(exit == 0, $"stopped after {stopAfter}, then: {output}");
                await PreSealingFixture.AssertFoundUnderNewKeysAsync(app.Services);
                await PreSealingFixture.AssertNothingLeftInTheOldLayoutAsync(app.Services);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AUserWhoAlreadyUsedThisVersionKeepsBothJournalsAndTheNewerPlanAndLink()
    {
        using (var host = Host())
        {
            // Before the upgrade the client's records of then are not found: this version starts them afresh.
            var client = host.User(PreSealingFixture.ClientId, "Marigold Quenby");
            var clinician = host.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown");
            Assert.Empty(await host.Get<IJournalStore>().ListAsync(client.Key));
            await client.CheckInAsync(4, onMind: "NEW-VERSION-larkspur");
            await client.SayAsync("write my safety plan");
            foreach (var part in "abcdefg")
            {
                await client.SayAsync("NEW-PLAN-" + part);
            }

            await client.SayAsync("yes");
            host.Time.Advance(TimeSpan.FromMinutes(5));
            await client.ConnectAsync(await clinician.NewCodeAsync(), shared: false);
            Assert.Equal(2, (await host.Get<IJournalStore>().ListAsync(client.Key)).Count);
        }

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.True(output.Contains("safety: 1 moved to the user's new key (event: 1); 1 already newer at the new key (that one kept, the old one removed) (plan: 1)", StringComparison.Ordinal), output);
        Assert.True(output.Contains("2 already newer at the new key (that one kept, the old one removed) (link: 1, roster: 1)", StringComparison.Ordinal), output);

        await using var app = PreSealingFixture.App(PreSealingFixture.Settings(_data));
        var services = app.Services;

        // Both sets of entries: the three of then and the two of this version, each once.
        var entries = await services.GetRequiredService<IJournalStore>().ListAsync(PreSealingFixture.ClientKey);
        Assert.Equal(5, entries.Count);
        Assert.Equal(5, entries.Select(e => e.Id).Distinct().Count());
        Assert.Contains(entries, e => e.Answers.ContainsValue(PreSealingFixture.SharedAnswer));
        Assert.Contains(entries, e => e.Answers.ContainsValue("NEW-VERSION-larkspur"));
        Assert.Contains(entries, e => e.Answers.ContainsValue("LEGACY-PLAN-g-tamarisk"));

        // One plan: the newer. One link: the newer, with the consent given last (no shared entries).
        Assert.Equal("NEW-PLAN-g", (await services.GetRequiredService<SafetyPlanStore>().GetAsync(PreSealingFixture.ClientKey))!.Answers.Values.Last());
        var link = Assert.Single(await services.GetRequiredService<ClinicianReads>().ClientsAsync(PreSealingFixture.ClinicianKey));
        Assert.False(link.Consent.SharedEntries);
        Assert.True(link.LinkedUtc > PreSealingFixture.Written);
        Assert.Null(await services.GetRequiredService<ClinicianReads>().SharedEntriesAsync(PreSealingFixture.ClinicianKey, PreSealingFixture.ClientKey));

        // The score and the safety event of then are found under the new key too.
        Assert.Single(await services.GetRequiredService<ClinicStore>().ListValuesAsync<MeasureScore>(ClinicKeys.ScoresOf(PreSealingFixture.ClientKey)));
        Assert.Equal(1, await services.GetRequiredService<SafetyEventStore>().CountOfUserAsync(PreSealingFixture.ClientKey, DateTimeOffset.MinValue));
        await PreSealingFixture.AssertNothingLeftInTheOldLayoutAsync(services);
    }

    [Fact]
    public async Task RecordsWhoseUserIdsBreakTodaysRulesAreRefusedListedAndLeftWhereTheyWere()
    {
        // Written the way the earlier build wrote them: plain JSON at places of then.
        var padded = new FileItemStore(Path.Combine(_data, "journal"));
        await padded.WriteAsync("webchat/ padded-id /e-padded", Json(new JObject { ["id"] = "e-padded", ["userId"] = "webchat/ padded-id " }));
        await padded.WriteAsync("webchat/fixture-client/e-other", Json(new JObject { ["id"] = "e-other", ["userId"] = "webchat/someone-else" }));
        await new FileItemStore(Path.Combine(_data, "references")).WriteAsync("webchat/" + new string('x', 300), Json(new JObject { ["channelId"] = "webchat" }));
        await new FileItemStore(Path.Combine(_data, "clinic")).WriteAsync("links/webchat%2Fbell%07/webchat%2Ffixture-clinician", Json(new JObject { ["clientId"] = "webchat/bell\u0007" }));
        await new FileItemStore(Path.Combine(_data, "safety")).WriteAsync("events/webchat/x/20261129T140923346-c0ffee", Json(new JObject { ["id"] = "c0ffee", ["timeUtc"] = "2026-11-29T14:09:23+00:00", ["userId"] = "webchat/", ["class"] = "suicidal" }));
        var fixture = Directory.EnumerateFiles(PreSealingFixture.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(PreSealingFixture.Folder, f)).ToHashSet(StringComparer.Ordinal);
        var refused = Snapshot().Where(f => !fixture.Contains(f.Key) && !f.Key.Contains(".locks", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, refused.Count); // five records, each with its ETag, and the long id's full key beside its shortened name

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 1, output);
        Assert.Contains("journal: 3 moved to the user's new key (entry: 3); 2 REFUSED, left where they are (below)", output, StringComparison.Ordinal);
        Assert.Contains("references: 2 moved to the user's new key (reference: 2); 1 REFUSED", output, StringComparison.Ordinal);
        Assert.Contains("clinic: 5 moved to the user's new key (client: 1, link: 1, roster: 1, score: 1, shared mark: 1); 1 rewritten in place (join code: 1); 1 REFUSED", output, StringComparison.Ordinal);
        Assert.Contains("safety: 2 moved to the user's new key (event: 1, plan: 1); 1 REFUSED", output, StringComparison.Ordinal);
        Assert.Contains("refused: journal webchat/%20padded-id%20/e-padded: The sender's id (from.id) starts or ends with whitespace.", output, StringComparison.Ordinal);
        Assert.Contains("refused: journal webchat/fixture-client/e-other: It holds a different user (userId) from the one its place names.", output, StringComparison.Ordinal);
        Assert.Contains("is longer than 256 characters", output, StringComparison.Ordinal);
        Assert.Contains("refused: clinic links/webchat%2Fbell%07/webchat%2Ffixture-clinician: The sender's id (from.id) has a control or format character.", output, StringComparison.Ordinal);
        Assert.Contains("refused: safety events/webchat/x/20261129T140923346-c0ffee: The sender's id (from.id) is empty.", output, StringComparison.Ordinal);
        Assert.Contains("5 records stay under keys of earlier builds", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", output, StringComparison.Ordinal);

        // The refused are exactly as they were; everything else of the fixture moved.
        var after = Snapshot();
        Assert.All(refused, f => Assert.Equal(f.Value, after.GetValueOrDefault(f.Key)));
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            await PreSealingFixture.AssertFoundUnderNewKeysAsync(app.Services);
        }

        // Every run says so again, and changes nothing else.
        (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 1 && output.Contains("journal: 2 REFUSED", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task EventsFiledUnderTheHashOfAnEarlierKeyFollowTheUserToTheHashOfTheirNewKey()
    {
        // A build that hashed the key of then filed this one under the hash of "webchat/fixture-client".
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            await app.Services.GetRequiredService<SafetyEventStore>().RecordAsync(new SafetyEvent
            {
                Id = "hashed-under-the-earlier-key",
                TimeUtc = PreSealingFixture.Written,
                UserId = "webchat/" + PreSealingFixture.ClientId,
                Class = "self-harm",
            });
            Assert.Equal(0, await app.Services.GetRequiredService<SafetyEventStore>().CountOfUserAsync(PreSealingFixture.ClientKey, DateTimeOffset.MinValue));
        }

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.Contains("safety: 3 moved to the user's new key (event: 2, plan: 1)", output, StringComparison.Ordinal);
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            await PreSealingFixture.AssertFoundUnderNewKeysAsync(app.Services, safetyEvents: 2);
            var events = app.Services.GetRequiredService<SafetyEventStore>();
            var folder = await events.FolderOfAsync(PreSealingFixture.ClientKey);
            var filed = new List<string>();
            await foreach (var key in app.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Safety).ListAsync("events"))
            {
                filed.Add(key);
            }

            Assert.Equal(2, filed.Count);
            Assert.All(filed, key => Assert.StartsWith(folder + "/", key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ACliniciansAssignLeftHalfWayHoldingAnEarlierKeyFinishesForTheClientsNewKey()
    {
        Assert.Equal(0, (await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data))).Exit);
        const string StateKey = "webchat/conversations/conv-fixture-clinician";
        using (var host = Host())
        {
            Assert.Contains("Which client", await host.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown").ReadAsync("assign"), StringComparison.Ordinal);
        }

        // The same dialog as the earlier build kept it: in clear, naming the client by the key of then.
        var storage = new FileStorage(Path.Combine(_data, "state"));
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            var opened = await app.Services.GetRequiredService<IStorage>().ReadAsync([StateKey]);
            var document = JObject.FromObject(opened[StateKey]);
            document.Remove("eTag");
            var text = document.ToString().Replace(PreSealingFixture.ClientKey, "webchat/" + PreSealingFixture.ClientId, StringComparison.Ordinal);
            Assert.Contains("\"id\": \"webchat/fixture-client\"", text, StringComparison.Ordinal);
            await storage.WriteAsync(new Dictionary<string, object> { [StateKey] = JObject.Parse(text) });
        }

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.Contains("state: 1 rewritten in place (dialog state: 1)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fixture-client", File.ReadAllText(Path.Combine(_data, "state", "webchat%2Fconversations%2Fconv-fixture-clinician.json")), StringComparison.Ordinal);

        using (var host = Host())
        {
            var clinician = host.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown");
            Assert.Contains("Which reflection", await clinician.ReadAsync("Marigold Quenby"), StringComparison.Ordinal);
            Assert.Contains("When?", await clinician.ReadAsync("Daily check-in"), StringComparison.Ordinal);
            await clinician.SayAsync("every Monday at 7pm for four weeks");
            await clinician.SayAsync("no");
            Assert.Contains("Done:", await clinician.ReadAsync("yes"), StringComparison.Ordinal);
            Assert.Single(await host.Get<Assignments>().ActiveOfClientAsync(PreSealingFixture.ClientKey));
        }
    }

    [Fact]
    public async Task AUserWhoDeletesTheirDataBeforeTheUpgradeDoesNotGetItBackAfterIt()
    {
        using (var host = Host())
        {
            var client = host.User(PreSealingFixture.ClientId, "Marigold Quenby");
            await client.SayAsync("delete my data");
            Assert.Contains("what an earlier version of the bot kept for you", await client.ReadAsync("yes, delete everything"), StringComparison.Ordinal);
        }

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.Contains("journal: nothing under keys of earlier builds", output, StringComparison.Ordinal);
        Assert.Contains("references: 1 moved to the user's new key (reference: 1)", output, StringComparison.Ordinal); // the clinician's

        await using var app = PreSealingFixture.App(PreSealingFixture.Settings(_data));
        var services = app.Services;
        Assert.Empty(await services.GetRequiredService<IJournalStore>().ListAsync(PreSealingFixture.ClientKey));
        Assert.Null(await services.GetRequiredService<SafetyPlanStore>().GetAsync(PreSealingFixture.ClientKey));
        Assert.Empty(await services.GetRequiredService<ClinicianReads>().ClientsAsync(PreSealingFixture.ClinicianKey));
        Assert.Null(await services.GetRequiredService<ReflectBot.Channels.Teams.ConversationReferences>().GetAsync(PreSealingFixture.ClientKey));
        Assert.Equal(0, await services.GetRequiredService<SafetyEventStore>().CountOfUserAsync(PreSealingFixture.ClientKey, DateTimeOffset.MinValue));
        Assert.Equal(1, (await services.GetRequiredService<SafetyEventStore>().CountAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))["suicidal"]);
        Assert.DoesNotContain(RawStores.Files(_data), f => f.Text.Contains("Marigold", StringComparison.Ordinal) || f.Text.Contains("LEGACY-", StringComparison.Ordinal));
        await PreSealingFixture.AssertNothingLeftInTheOldLayoutAsync(services);
    }

    [Fact]
    public async Task ErasingWhatAnEarlierBuildKeptNeverReachesAnotherUserWhoseIdItsIdBegins()
    {
        // "webchat/a" was the folder above "webchat/a/b"'s records then.
        var journal = new FileItemStore(Path.Combine(_data, "journal"));
        await journal.WriteAsync("webchat/a/e-a", Json(new JObject { ["id"] = "e-a", ["userId"] = "webchat/a" }));
        await journal.WriteAsync("webchat/a/b/e-ab", Json(new JObject { ["id"] = "e-ab", ["userId"] = "webchat/a/b" }));
        var safety = new FileItemStore(Path.Combine(_data, "safety"));
        await safety.WriteAsync("events/webchat/a/20261129T140923346-ea", Json(new JObject { ["id"] = "ea", ["timeUtc"] = "2026-11-29T14:09:23+00:00", ["userId"] = "webchat/a", ["class"] = "suicidal" }));
        await safety.WriteAsync("events/webchat/a/b/20261129T140923346-eab", Json(new JObject { ["id"] = "eab", ["timeUtc"] = "2026-11-29T14:09:23+00:00", ["userId"] = "webchat/a/b", ["class"] = "suicidal" }));

        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            var erasers = app.Services.GetServices<ReflectBot.Privacy.IUserDataEraser>().OfType<ReflectBot.Upgrade.LegacyDataEraser>();
            Assert.Equal("what an earlier version of the bot kept for you", await Assert.Single(erasers).EraseAsync("webchat:a"));
        }

        Assert.Equal(0, (await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data))).Exit);
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            Assert.Empty(await app.Services.GetRequiredService<IJournalStore>().ListAsync("webchat:a"));
            Assert.Equal("e-ab", Assert.Single(await app.Services.GetRequiredService<IJournalStore>().ListAsync("webchat:a%2Fb")).Id);
            Assert.Equal(0, await app.Services.GetRequiredService<SafetyEventStore>().CountOfUserAsync("webchat:a", DateTimeOffset.MinValue));
            Assert.Equal(1, await app.Services.GetRequiredService<SafetyEventStore>().CountOfUserAsync("webchat:a%2Fb", DateTimeOffset.MinValue));
        }
    }

    private ClinicHost Host() => new(ClinicHost.Clock(PreSealingFixture.Written.AddHours(1)), _data, settings: PreSealingFixture.Settings(_data));

    // Every file of the data folder and its bytes (ETags and lock files included).
    private SortedDictionary<string, string> Snapshot()
        => new(RawStores.Files(_data).ToDictionary(f => f.Where, f => Convert.ToBase64String(f.Content)), StringComparer.Ordinal);

    private static byte[] Json(JObject value) => Encoding.UTF8.GetBytes(value.ToString(Newtonsoft.Json.Formatting.None));

    /// <summary>
    /// Item stores that stop answering after a number of writes and deletes, as if the process had died there: the
    /// real sealed stores on the data folder otherwise. Counts what it let through.
    /// </summary>
    private sealed class Budget(int writesAndDeletes)
    {
        private int _used;

        public int Used => _used;

        public void Install(IServiceCollection services)
        {
            foreach (var name in ItemStoreNames.All)
            {
                services.AddKeyedSingleton<IItemStore>(name, (sp, _) => new Stopping(
                    new SealedItemStore(new FileItemStore(Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataPath, name)), name, sp.GetRequiredService<ItemCipher>()),
                    this));
            }
        }

        private void Spend()
        {
            if (Interlocked.Increment(ref _used) > writesAndDeletes)
            {
                Interlocked.Decrement(ref _used);
                throw new StorageUnavailableException("The test stopped the run here.");
            }
        }

        private sealed class Stopping(IItemStore inner, Budget budget) : IItemStore
        {
            public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

            public Task<string> WriteAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch = null, bool createOnly = false, CancellationToken cancellationToken = default)
            {
                budget.Spend();
                return inner.WriteAsync(key, content, ifMatch, createOnly, cancellationToken);
            }

            public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
            {
                budget.Spend();
                return inner.DeleteAsync(key, cancellationToken);
            }

            public IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default) => inner.ListAsync(folder, cancellationToken);

            public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
            {
                budget.Spend();
                return inner.DeleteFolderAsync(folder, cancellationToken);
            }
        }
    }
}
