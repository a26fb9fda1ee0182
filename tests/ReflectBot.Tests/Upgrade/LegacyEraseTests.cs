using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Upgrade;

/// <summary>"delete my data" between deploying this version and running <c>upgrade-data</c>: what an earlier build kept goes too, and only the person's own.</summary>
public sealed class LegacyEraseTests : IDisposable
{
    private readonly string _data = PreSealingFixture.Copy();

    public void Dispose() => Directory.Delete(_data, recursive: true);

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
        Assert.Null(await services.GetRequiredService<ReflectBot.Channels.ConversationReferences>().GetAsync(PreSealingFixture.ClientKey));
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

    private static byte[] Json(JObject value) => System.Text.Encoding.UTF8.GetBytes(value.ToString(Newtonsoft.Json.Formatting.None));
}
