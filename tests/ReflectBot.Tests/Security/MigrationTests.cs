using System.Diagnostics;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Deployment;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// Data written before sealing: <c>Security/Fixtures/pre-sealing</c> is a data folder the bot wrote as it was
/// before (commit 68a8039) in one session over HTTP: a clinician's code, a client linked with full consent
/// ("Marigold Quenby"), a check-in shared with the clinician, a safety plan, a PHQ-9, a crisis message and
/// "inner self" left after its first answer. Its state, clinic records and references are plain JSON, its
/// safety event is filed under and names the user, its shared mark has no link. The journal and safety plan
/// were already sealed, with the fixture's key: SHA-256 of "reflectbot-pre-sealing-fixture" (a test value,
/// not a secret). It must all still be read, sealed on the next write, and sealed whole by rotate-keys.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private const string ClientId = "fixture-client";
    private const string ClinicianId = "fixture-clinician";
    private static readonly DateTimeOffset FixtureWritten = new(2026, 11, 29, 14, 10, 0, TimeSpan.Zero);
    private static readonly string FixtureKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("reflectbot-pre-sealing-fixture"u8));

    private readonly string _data = TempFolder.Create();

    public MigrationTests()
    {
        var fixture = RepoPaths.Of("tests", "ReflectBot.Tests", "Security", "Fixtures", "pre-sealing");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_data, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task DataWrittenBeforeSealingIsReadSealedOnItsNextWriteAndSealedWholeByRotateKeys()
    {
        // The fixture really is the old shape.
        var before = RawStores.Files(_data);
        Assert.Contains(before, f => f.Where.StartsWith("state", StringComparison.Ordinal) && f.Text.Contains("LEGACY-INPROGRESS-marzipan", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Where.StartsWith("clinic", StringComparison.Ordinal) && f.Text.Contains("Marigold Quenby", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Where.Contains(Path.Combine("events", "webchat", ClientId), StringComparison.Ordinal));

        using (var host = Host())
        {
            var client = host.User(ClientId, "Marigold Quenby");
            var clinician = host.User(ClinicianId, "Dr Fenwick Ashdown");
            await AssertEverythingReadsAsync(host, client, clinician);

            // The reflection left half-way goes on from its old state; its next write seals it.
            Assert.True(FullSession.AsksTheSecondInnerSelfQuestion(await client.ReadAsync("back")));
            var third = await client.ReadAsync("LEGACY-SECOND-oleander");
            Assert.True(third.Contains("What matters most to you", StringComparison.Ordinal) || third.Contains("what you value most", StringComparison.Ordinal), third);
            var state = RawStores.Files(_data).Single(f => f.Where == Path.Combine("state", "webchat%2Fconversations%2Fconv-fixture-client.json"));
            Assert.Equal(["sealed"], ((JObject)JObject.Parse(state.Text)["document"]!).Properties().Select(p => p.Name));
            Assert.DoesNotContain("oleander", state.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("marzipan", state.Text, StringComparison.Ordinal);
        }

        // rotate-keys, as an operator runs it: the built app, on the same folder and key.
        var (exit, output) = await RotateKeysAsync();
        Assert.True(exit == 0, output);
        Assert.Contains("safety: moved 1 event from the user's id to the user's keyed hash.", output, StringComparison.Ordinal);
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
            var client = host.User(ClientId, "Marigold Quenby");
            await AssertEverythingReadsAsync(host, client, host.User(ClinicianId, "Dr Fenwick Ashdown"));

            // "delete my data" finds the migrated event by the hash; the count stays, anonymous.
            await client.SayAsync("delete my data");
            Assert.Contains("deleted everything", await client.ReadAsync("yes, delete everything"), StringComparison.Ordinal);
            Assert.Equal(0, await host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
            Assert.Equal(1, (await host.Get<SafetyEventStore>().CountAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))["suicidal"]);
        }
    }

    private ClinicHost Host() => new(ClinicHost.Clock(FixtureWritten.AddHours(1)), _data, settings:
    [
        ("Journal:EncryptionKey", FixtureKey),
        ("Clinic:ClinicianUserKeys:0", $"webchat/{ClinicianId}"),
    ]);

    private static async Task AssertEverythingReadsAsync(ClinicHost host, ClinicUser client, ClinicUser clinician)
    {
        Assert.Equal(3, (await host.Get<IJournalStore>().ListAsync(client.Key)).Count);
        Assert.Contains("LEGACY-PLAN-g-tamarisk", await client.ReadAsync("safety plan"), StringComparison.Ordinal);
        Assert.Contains("Dr Fenwick Ashdown", await client.ReadAsync("my clinician"), StringComparison.Ordinal);

        // The mark shared before marks had a link still counts for the link it was shared over.
        var shared = Assert.Single((await host.Get<ClinicianReads>().SharedEntriesAsync(clinician.Key, client.Key))!);
        Assert.Equal("LEGACY-ONMIND-quillwort", shared.Answers["on-mind"]);
        Assert.Single((await host.Get<ClinicianReads>().ScoresAsync(clinician.Key, client.Key))!);
        Assert.Equal(1, await host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
        Assert.NotNull(await host.Get<ReflectBot.Channels.Teams.ConversationReferences>().GetAsync(client.Key));
        Assert.Contains("Marigold Quenby", await clinician.ReadAsync("clients"), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RotateKeysAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReflectBot.dll"));
        start.ArgumentList.Add("rotate-keys");
        start.Environment["Storage__DataPath"] = _data;
        start.Environment["Journal__EncryptionKey"] = FixtureKey;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
