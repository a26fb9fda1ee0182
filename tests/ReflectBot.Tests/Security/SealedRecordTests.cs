using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>A sealed record is bound to its store and key: copied under another user's key, or altered, it does not open.</summary>
public sealed class SealedRecordTests
{
    private readonly string _data = TempFolder.Create();
    private readonly ItemCipher _cipher;

    public SealedRecordTests()
    {
        _cipher = new ItemCipher(new JournalKeyRing(Options.Create(new JournalOptions()), Options.Create(new StorageOptions { DataPath = _data }), NullLogger<JournalKeyRing>.Instance));
    }

    [Fact]
    public async Task AStateCopiedUnderAnotherUsersKeyDoesNotOpen()
    {
        var storage = new SealedStorage(new FileStorage(Path.Combine(_data, "state")), _cipher);
        await storage.WriteAsync(new Dictionary<string, object> { ["webchat/users/alice"] = new Dictionary<string, object> { ["profile"] = "alice's" } });
        var folder = Path.Combine(_data, "state");
        File.Copy(Path.Combine(folder, StoreKeys.Escape("webchat/users/alice") + ".json"), Path.Combine(folder, StoreKeys.Escape("webchat/users/mallory") + ".json"));

        Assert.Equal("alice's", (await storage.ReadAsync(["webchat/users/alice"]))["webchat/users/alice"] is IDictionary<string, object> alice ? alice["profile"].ToString() : null);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => storage.ReadAsync(["webchat/users/mallory"]));
    }

    [Fact]
    public async Task AnItemCopiedUnderAnotherKeyOrAlteredDoesNotOpen()
    {
        var raw = new FileItemStore(Path.Combine(_data, "clinic"));
        var store = new SealedItemStore(raw, ItemStoreNames.Clinic, _cipher);
        await store.WriteAsync("links/alice/dr", Encoding.UTF8.GetBytes("{\"clientName\":\"Alice\"}"));
        var sealedBytes = (await raw.ReadAsync("links/alice/dr"))!.Content.ToArray();

        await raw.WriteAsync("links/mallory/dr", sealedBytes);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.ReadAsync("links/mallory/dr"));

        // The same item in another store does not open either: the store's name is bound in too.
        await Assert.ThrowsAnyAsync<CryptographicException>(() => new SealedItemStore(raw, ItemStoreNames.Journal, _cipher).ReadAsync("links/alice/dr"));

        var altered = Encoding.UTF8.GetString(sealedBytes).Replace("\"c\":\"", "\"c\":\"AAAA", StringComparison.Ordinal);
        await raw.WriteAsync("links/alice/dr", Encoding.UTF8.GetBytes(altered));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.ReadAsync("links/alice/dr"));
    }
}
