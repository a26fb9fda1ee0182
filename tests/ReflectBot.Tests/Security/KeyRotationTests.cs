using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using ReflectBot.Hosting;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>Keys: rotation re-seals every record, a retired key then opens nothing that is needed; a key is required with blobs; a generated key file is private and made once.</summary>
public sealed class KeyRotationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AfterRotateKeysAndRetiringTheOldKeyEveryRecordReadsAndNoneIsSealedWithTheRetiredKey()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var newKey = RandomNumberGenerator.GetBytes(32);
        using (var first = Host(prefix, ("Journal:EncryptionKey", Convert.ToBase64String(oldKey))))
        {
            await new FullSession(first).RunAsync();
        }

        Assert.Contains(await KeyIdsAsync(prefix), id => id == JournalKeyRing.IdOf(oldKey));

        using (var rotating = Host(prefix, ("Journal:EncryptionKey", Convert.ToBase64String(newKey)), ("Journal:PreviousKeys:0", Convert.ToBase64String(oldKey))))
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await KeyRotation.RunAsync(rotating.Services, output, error));
            Assert.Contains($"Key {JournalKeyRing.IdOf(oldKey)} (Journal:PreviousKeys:0) seals nothing now: retire it", output.ToString(), StringComparison.Ordinal);
            Assert.Empty(error.ToString());
        }

        // Every blob in every container is sealed with the new key, the state container included.
        Assert.All(await KeyIdsAsync(prefix), id => Assert.Equal(JournalKeyRing.IdOf(newKey), id));

        // The old key retired: everything still reads.
        using var retired = Host(prefix, ("Journal:EncryptionKey", Convert.ToBase64String(newKey)));
        await new FullSession(retired).AssertReadableAsync();
    }

    [Fact]
    public async Task RotateKeysSaysWhichKeyIsStillNeededWhenARecordCannotBeOpened()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var lostKey = RandomNumberGenerator.GetBytes(32);
        using (var first = Host(prefix, ("Journal:EncryptionKey", Convert.ToBase64String(lostKey))))
        {
            await first.User("someone", "Someone").CheckInAsync(5);
        }

        using var without = Host(prefix, ("Journal:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, await KeyRotation.RunAsync(without.Services, output, error));
        Assert.Contains($"UNREADABLE, key not configured (key {JournalKeyRing.IdOf(lostKey)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("add those keys to Journal:PreviousKeys", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithBlobStorageAndNoKeyTheHostRefusesToStartAndNamesTheSetting()
    {
        using var host = new BotHost(null, [.. BlobBotHost.Settings("UseDevelopmentStorage=true", "nokey-").Where(s => s.Key != "Journal:EncryptionKey")]);
        var refused = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Journal:EncryptionKey (environment: Journal__EncryptionKey) is required when Storage:Kind is Blob", refused.ToString(), StringComparison.Ordinal);
    }

    // Unix file modes: CI and the container run on Linux.
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task AGeneratedKeyFileIsReadableByItsOwnerOnlyAndHostsStartingTogetherShareOne()
    {
        var data = TempFolder.Create();
        var rings = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new JournalKeyRing(
            Options.Create(new JournalOptions()),
            Options.Create(new StorageOptions { DataPath = data }),
            NullLogger<JournalKeyRing>.Instance))));

        Assert.Single(rings.Select(r => r.CurrentKeyId).Distinct());
        var keyFile = Path.Combine(data, "keys", JournalKeyRing.KeyFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(rings[0].CurrentKeyId, JournalKeyRing.IdOf(Convert.FromBase64String(await File.ReadAllTextAsync(keyFile))));
        Assert.Equal([JournalKeyRing.KeyFileName], Directory.EnumerateFiles(Path.GetDirectoryName(keyFile)!).Select(Path.GetFileName));
    }

    private ClinicHost Host(string prefix, params (string Key, string? Value)[] settings)
        => new(ClinicHost.Clock(), settings: [.. BlobBotHost.Settings(azurite.ConnectionString, prefix).Where(s => s.Key != "Journal:EncryptionKey"), .. settings]);

    // The key id of every blob under the prefix: an item's envelope, or a state's {"sealed": envelope}.
    private async Task<IReadOnlyList<string>> KeyIdsAsync(string prefix)
        => [.. (await RawStores.BlobsAsync(azurite.ConnectionString, prefix)).Select(b => ItemCipher.KeyIdOf(b.Content)
            ?? (JObject.Parse(b.Text)["sealed"] as JObject)?.Value<string>("kid")
            ?? $"unsealed: {b.Where}")];
}
