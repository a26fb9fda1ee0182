using Newtonsoft.Json.Linq;
using ReflectBot.Safety;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;
using ReflectBot.Tests.Upgrade;

namespace ReflectBot.Tests.Security;

/// <summary>
/// Data written by the last released build (<see cref="PreSealingFixture"/>): before sealing, and under user keys
/// of then (<c>{channel}/{id}</c>, two path segments in the journal, safety and references stores, escaped whole
/// in the clinic's). Its state, clinic records and references are plain JSON, its safety event is filed under and
/// names the user, its shared mark has no link. After <c>upgrade-data</c> everything is found under the users'
/// keys of today and nothing is left where it was; it is still read, sealed on its next write, and sealed whole
/// by rotate-keys.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _data = PreSealingFixture.Copy();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task DataWrittenBeforeSealingAndUnderEarlierUserKeysIsMovedByUpgradeDataSealedOnItsNextWriteAndSealedWholeByRotateKeys()
    {
        // The fixture really is the old shape: plain records, and user keys spread over path segments.
        var before = RawStores.Files(_data);
        Assert.Contains(before, f => f.Where.StartsWith("state", StringComparison.Ordinal) && f.Text.Contains("LEGACY-INPROGRESS-marzipan", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Where.StartsWith("clinic", StringComparison.Ordinal) && f.Text.Contains("Marigold Quenby", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Where.Contains(Path.Combine("events", "webchat", PreSealingFixture.ClientId), StringComparison.Ordinal));
        Assert.Contains(before, f => f.Where.StartsWith(Path.Combine("journal", "webchat", PreSealingFixture.ClientId), StringComparison.Ordinal));

        // upgrade-data, as an operator runs it once after deploying: the built app, on the same folder and key.
        var (exit, output) = await PreSealingFixture.RunCommandAsync("upgrade-data", _data);
        Assert.True(exit == 0, output);
        Assert.Contains("journal: 3 moved to the user's new key (entry: 3)", output, StringComparison.Ordinal);
        Assert.Contains("safety: 2 moved to the user's new key (event: 1, plan: 1)", output, StringComparison.Ordinal);
        Assert.Contains("references: 2 moved to the user's new key (reference: 2)", output, StringComparison.Ordinal);
        Assert.Contains("clinic: 5 moved to the user's new key (client: 1, link: 1, roster: 1, score: 1, shared mark: 1); 1 rewritten in place (join code: 1)", output, StringComparison.Ordinal);
        Assert.Contains("Done: 13 records moved or rewritten, of 2 users", output, StringComparison.Ordinal);

        // The old layout holds nothing: no record at a place of then, none naming a user the way then did.
        foreach (var file in RawStores.Files(_data).Where(f => f.Where.EndsWith(".item", StringComparison.Ordinal)))
        {
            Assert.False(file.Where.Contains("webchat" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || file.Where.Contains("%252F", StringComparison.Ordinal), $"{file.Where} is still in the old layout");
            Assert.False(file.Text.Contains("webchat/", StringComparison.Ordinal), $"{file.Where} still names a user by an earlier key");
        }

        using (var host = Host())
        {
            var client = host.User(PreSealingFixture.ClientId, "Marigold Quenby");
            var clinician = host.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown");
            await PreSealingFixture.AssertNothingLeftInTheOldLayoutAsync(host.Services);
            await AssertEverythingReadsAsync(host, client, clinician);

            // The reflection left half-way goes on from its old state; its next write seals it, in the user's one
            // record (FoldedStateStorage), and the conversation's record of then is gone.
            Assert.True(FullSession.AsksTheSecondInnerSelfQuestion(await client.ReadAsync("back")));
            var third = await client.ReadAsync("LEGACY-SECOND-oleander");
            Assert.True(third.Contains("What matters most to you", StringComparison.Ordinal) || third.Contains("what you value most", StringComparison.Ordinal), third);
            Assert.DoesNotContain(RawStores.Files(_data), f => f.Where == Path.Combine("state", "webchat%2Fconversations%2Fconv-fixture-client.json"));
            var state = RawStores.Files(_data).Single(f => f.Where == Path.Combine("state", "webchat%2Fusers%2Ffixture-client.json"));
            Assert.Equal(["sealed"], ((JObject)JObject.Parse(state.Text)["document"]!).Properties().Select(p => p.Name));
            Assert.DoesNotContain("oleander", state.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("marzipan", state.Text, StringComparison.Ordinal);
        }

        // rotate-keys, as an operator runs it: the built app, on the same folder and key.
        (exit, output) = await PreSealingFixture.RunCommandAsync("rotate-keys", _data);
        Assert.True(exit == 0, output);
        Assert.Contains("Done:", output, StringComparison.Ordinal);

        foreach (var file in RawStores.Files(_data))
        {
            Assert.False(file.Text.Contains("LEGACY-", StringComparison.Ordinal), $"{file.Where} still holds an answer in clear");
            Assert.False(file.Text.Contains("Marigold", StringComparison.Ordinal) || file.Text.Contains("Fenwick", StringComparison.Ordinal), $"{file.Where} still holds a name in clear");
            Assert.False(file.Where.StartsWith("safety", StringComparison.Ordinal) && file.Where.Contains(Path.Combine("events", "webchat"), StringComparison.Ordinal), $"{file.Where} is still filed under the user");
            if (file.Where.EndsWith(".item", StringComparison.Ordinal))
            {
                Assert.True(ItemCipher.IsSealed(file.Content), $"{file.Where} is not sealed");
            }
            else if (file.Where.StartsWith("state", StringComparison.Ordinal) && file.Where.EndsWith(".json", StringComparison.Ordinal))
            {
                Assert.Equal(["sealed"], ((JObject)JObject.Parse(file.Text)["document"]!).Properties().Select(p => p.Name));
            }
        }

        using (var host = Host())
        {
            var client = host.User(PreSealingFixture.ClientId, "Marigold Quenby");
            await AssertEverythingReadsAsync(host, client, host.User(PreSealingFixture.ClinicianId, "Dr Fenwick Ashdown"));

            // "delete my data" finds the migrated event by the hash of the new key; the count stays, anonymous.
            await client.SayAsync("delete my data");
            Assert.Contains("deleted everything", await client.ReadAsync("yes, delete everything"), StringComparison.Ordinal);
            Assert.Equal(0, await host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
            Assert.Equal(1, (await host.Get<SafetyEventStore>().CountAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))["suicidal"]);
        }
    }

    private ClinicHost Host() => new(ClinicHost.Clock(PreSealingFixture.Written.AddHours(1)), _data, settings: PreSealingFixture.Settings(_data));

    // What the stores give back, then what the people see: the client's plan and clinician, the clinician's clients.
    private static async Task AssertEverythingReadsAsync(ClinicHost host, BotClient client, BotClient clinician)
    {
        Assert.Equal(PreSealingFixture.ClientKey, client.Key);
        await PreSealingFixture.AssertFoundUnderNewKeysAsync(host.Services);
        Assert.Contains("LEGACY-PLAN-g-tamarisk", await client.ReadAsync("safety plan"), StringComparison.Ordinal);
        Assert.Contains("Dr Fenwick Ashdown", await client.ReadAsync("my clinician"), StringComparison.Ordinal);
        Assert.Contains("Marigold Quenby", await clinician.ReadAsync("clients"), StringComparison.Ordinal);
    }
}
