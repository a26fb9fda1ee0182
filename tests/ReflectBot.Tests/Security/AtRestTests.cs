using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// At rest: after a session that writes every kind of record, the raw bytes of every store (each file
/// under the data folder; each blob, with its metadata, in every container on Azurite) hold none of the
/// answers, and no record names the user or holds their display name or their clinician's. Every record
/// is a sealed envelope, and the bot still reads all of it back.
/// </summary>
public sealed class AtRestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task NoFileUnderTheDataFolderHoldsAnAnswerANameOrTheUsersIdInClear()
    {
        using var host = new ClinicHost(ClinicHost.Clock());
        var session = new FullSession(host);
        await session.RunAsync();
        await AssertTheBotStillReadsEverythingAsync(host, session);

        var files = RawStores.Files(host.DataPath);
        foreach (var folder in new[] { "state", "journal", "clinic/links", "clinic/shared", "clinic/scores", "clinic/codes", "safety/plans", "safety/events", "references" })
        {
            Assert.Contains(files, f => f.Where.StartsWith(folder.Replace('/', Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        }

        AssertNothingInClear(files, session);
        foreach (var file in files)
        {
            if (file.Where.EndsWith(".item", StringComparison.Ordinal))
            {
                Assert.True(ItemCipher.IsSealed(file.Content), $"{file.Where} is not sealed");
            }
            else if (file.Where.StartsWith("state" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && file.Where.EndsWith(".json", StringComparison.Ordinal))
            {
                var document = (JObject)JObject.Parse(file.Text)["document"]!;
                Assert.Equal(["sealed"], document.Properties().Select(p => p.Name));
            }
        }
    }

    [Fact]
    public async Task NoBlobInAnyContainerHoldsAnAnswerANameOrTheUsersIdInClear()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        using var host = new ClinicHost(ClinicHost.Clock(), settings: BlobBotHost.Settings(azurite.ConnectionString, prefix));
        var session = new FullSession(host);
        await session.RunAsync();
        await AssertTheBotStillReadsEverythingAsync(host, session);

        var blobs = await RawStores.BlobsAsync(azurite.ConnectionString, prefix);
        foreach (var container in new[] { "state", "journal", "clinic", "safety", "references" })
        {
            Assert.Contains(blobs, b => b.Where.StartsWith(prefix + container + "/", StringComparison.Ordinal));
        }

        AssertNothingInClear(blobs, session);
        foreach (var blob in blobs)
        {
            Assert.True(
                blob.Where.StartsWith(prefix + "state/", StringComparison.Ordinal)
                    ? JObject.Parse(blob.Text).Properties().Select(p => p.Name).SequenceEqual(["sealed"])
                    : ItemCipher.IsSealed(blob.Content),
                $"{blob.Where} is not sealed");
        }
    }

    private static async Task AssertTheBotStillReadsEverythingAsync(ClinicHost host, FullSession session)
    {
        var client = session.Client;
        Assert.Equal(3, (await host.Get<IJournalStore>().ListAsync(client.Key)).Count); // the check-in, the safety plan, the PHQ-9
        Assert.Contains(FullSession.PlanPrefix + "g", await client.ReadAsync("safety plan"), StringComparison.Ordinal);
        var shared = Assert.Single((await host.Get<ClinicianReads>().SharedEntriesAsync(session.Clinician.Key, client.Key))!);
        Assert.Equal(FullSession.OnMind, shared.Answers["on-mind"]);
        Assert.Single((await host.Get<ClinicianReads>().ScoresAsync(session.Clinician.Key, client.Key))!);
        Assert.Equal(1, await host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
        Assert.NotNull(await host.Get<ReflectBot.Channels.Teams.ConversationReferences>().GetAsync(client.Key));
        Assert.Contains(session.ClientName, await session.Clinician.ReadAsync("clients"), StringComparison.Ordinal);

        // The reflection left half-way carries on from its state.
        Assert.True(FullSession.AsksTheSecondInnerSelfQuestion(await client.ReadAsync("back")));
    }

    private static void AssertNothingInClear(IReadOnlyList<RawStores.Stored> stored, FullSession session)
    {
        var userId = session.Client.Client.UserId;
        foreach (var item in stored)
        {
            foreach (var answer in FullSession.Answers)
            {
                Assert.False(item.Text.Contains(answer, StringComparison.OrdinalIgnoreCase) || item.Metadata.Contains(answer, StringComparison.OrdinalIgnoreCase), $"{item.Where} holds the answer '{answer}' in clear");
            }

            foreach (var name in new[] { session.ClientName, session.ClinicianName, "Marigold", "Fenwick" })
            {
                Assert.False(item.Text.Contains(name, StringComparison.OrdinalIgnoreCase) || item.Metadata.Contains(name, StringComparison.OrdinalIgnoreCase), $"{item.Where} holds the name '{name}' in clear");
            }

            // The user's id names their own folders (journal/{user}/..., plans/{user}), by design; no record
            // holds it, and no safety event (what operators count) is even filed under it.
            Assert.False(item.Text.Contains(userId, StringComparison.Ordinal), $"{item.Where} holds the user's id in clear");
            if (item.Where.Contains("events", StringComparison.Ordinal))
            {
                Assert.False(item.Where.Contains(userId, StringComparison.Ordinal) || item.Metadata.Contains(userId, StringComparison.Ordinal), $"{item.Where} is filed under the user's id");
            }
        }
    }
}
