using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage.Sealing;
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
        await session.AssertReadableAsync();

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
        await session.AssertReadableAsync();

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

    private static void AssertNothingInClear(IReadOnlyList<RawStores.Stored> stored, FullSession session)
    {
        var userId = session.Client.UserId;
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
