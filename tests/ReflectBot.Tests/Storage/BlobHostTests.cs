using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Journal;
using ReflectBot.Storage;
using ReflectBot.Storage.Blobs;
using ReflectBot.Storage.Sealing;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>The real host on blob storage (Storage:Kind=Blob) in Azurite: configuration alone switches it.</summary>
public sealed class BlobHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ACheckInOnBlobStorageEndsInOneJournalEntry()
    {
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix());
        var bot = host.Client(userId: "29:odd/user#1?%", conversationId: "a:conv/with#odd?chars");

        await bot.SayAsync("check in");
        await bot.SayAsync("3");
        await bot.SayAsync("heavy");
        await bot.SayAsync("a long week");
        Assert.Contains("Saved", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);

        Assert.IsType<BlobStorage>(Assert.IsType<SealedStorage>(host.Services.GetRequiredService<IStorage>()).Inner);
        var entry = Assert.Single(await host.Services.GetRequiredService<IJournalStore>().ListAsync(ReflectBot.Kernel.UserKeys.From("webchat", "29:odd/user#1?%")));
        Assert.Equal(3, entry.Mood);
    }

    [Fact]
    public async Task AMidCheckInTurnCostsOneConditionalWriteAndNoReadAndTheSavingTurnOneCreateOnlyJournalWriteMore()
    {
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix());
        var bot = host.Client();
        var counter = host.Services.GetRequiredService<StorageCallCounter>();

        // The first turn of a user also records their conversation reference (read once per process, written
        // when it changed, in the references store); the first save also records the answer to the journal-consent question, in the
        // same document as everything else of the user. After the first turn the document comes from the process's
        // copy (StateDocumentCache), proved by the turn's conditional write: no read.
        var before = counter.Snapshot();
        await bot.SayAsync("check in");
        var firstTurn = counter.Snapshot() - before;
        await bot.SayAsync("6");
        await bot.SayAsync("fine");
        await bot.SayAsync("not much");
        before = counter.Snapshot();
        await bot.SayAsync("yes");
        var firstSave = counter.Snapshot() - before;

        before = counter.Snapshot();
        await bot.SayAsync("check in");
        var checkIn = counter.Snapshot() - before;
        await bot.SayAsync("3");

        before = counter.Snapshot();
        await bot.SayAsync("heavy");
        var midTurn = counter.Snapshot() - before;

        await bot.SayAsync("a long week");
        before = counter.Snapshot();
        await bot.SayAsync("yes");
        var savingTurn = counter.Snapshot() - before;

        Assert.Equal(new StorageCallSnapshot(2, 2, 0, 0), firstTurn);
        Assert.Equal(new StorageCallSnapshot(0, 2, 0, 0), firstSave);
        Assert.Equal(new StorageCallSnapshot(0, 1, 0, 0), checkIn);
        Assert.Equal(new StorageCallSnapshot(0, 1, 0, 0), midTurn);
        Assert.Equal(new StorageCallSnapshot(0, 2, 0, 0), savingTurn);
    }

    [Fact]
    public async Task WithTheCopyTurnedOffAMidCheckInTurnReadsOnceAndWritesOnce()
    {
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), services => services.Configure<StorageOptions>(o => o.StateCache.Entries = 0));
        var bot = host.Client();
        var counter = host.Services.GetRequiredService<StorageCallCounter>();
        await bot.SayAsync("check in");
        await bot.SayAsync("3");

        var before = counter.Snapshot();
        await bot.SayAsync("heavy");

        Assert.Equal(new StorageCallSnapshot(1, 1, 0, 0), counter.Snapshot() - before);
        Assert.Equal(0, host.Services.GetRequiredService<StateDocumentCache>().Count);
    }

    [Fact]
    public async Task ATurnThatChangesNothingWritesNothingAndReadsOnlyToProveItsCopy()
    {
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix());
        var bot = host.Client();
        await bot.SayAsync("help");
        var counter = host.Services.GetRequiredService<StorageCallCounter>();

        var before = counter.Snapshot();
        await bot.SayAsync("help");

        Assert.Equal(new StorageCallSnapshot(1, 0, 0, 0), counter.Snapshot() - before);
    }
}
