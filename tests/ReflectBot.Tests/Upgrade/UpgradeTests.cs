using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Storage;
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
        var counted = new StoppingStores(int.MaxValue);
        Assert.Equal(0, (await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data), counted.Install)).Exit);
        Assert.InRange(counted.Used, 20, 60);

        for (var stopAfter = 0; stopAfter < counted.Used; stopAfter++)
        {
            var data = PreSealingFixture.Copy();
            try
            {
                var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(data), new StoppingStores(stopAfter).Install);
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
    public async Task AnOlderPlanAtTheNewKeyIsReplacedByTheNewerOneOfThen()
    {
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            var older = new JObject { ["id"] = "older-plan", ["userId"] = PreSealingFixture.ClientKey, ["journeyId"] = "safety-plan", ["answers"] = new JObject { ["warning-signs"] = "OLDER-PLAN" }, ["createdUtc"] = "2026-01-01T00:00:00+00:00" };
            await app.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Safety).WriteAsync("plans/" + PreSealingFixture.ClientKey, Json(older));
        }

        var (exit, output) = await PreSealingFixture.UpgradeAsync(PreSealingFixture.Settings(_data));
        Assert.True(exit == 0, output);
        Assert.Contains("safety: 1 moved to the user's new key (event: 1); 1 replaced an older one at the new key (plan: 1)", output, StringComparison.Ordinal);
        await using (var app = PreSealingFixture.App(PreSealingFixture.Settings(_data)))
        {
            await PreSealingFixture.AssertFoundUnderNewKeysAsync(app.Services);
        }
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
        // The clinician's record, which holds their conversation's state (FoldedStateStorage).
        const string StateKey = "webchat/users/fixture-clinician";
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
        Assert.DoesNotContain("fixture-client", File.ReadAllText(Path.Combine(_data, "state", "webchat%2Fusers%2Ffixture-clinician.json")), StringComparison.Ordinal);

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

    private ClinicHost Host() => new(ClinicHost.Clock(PreSealingFixture.Written.AddHours(1)), _data, settings: PreSealingFixture.Settings(_data));

    // Every file of the data folder and its bytes (ETags and lock files included).
    private SortedDictionary<string, string> Snapshot()
        => new(RawStores.Files(_data).ToDictionary(f => f.Where, f => Convert.ToBase64String(f.Content)), StringComparer.Ordinal);

    private static byte[] Json(JObject value) => Encoding.UTF8.GetBytes(value.ToString(Newtonsoft.Json.Formatting.None));
}
