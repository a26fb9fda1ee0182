using Microsoft.Bot.Builder;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>The storage contract on the embedded file store.</summary>
public sealed class FileStorageContractTests : StorageContract
{
    private readonly string _folder = TempFolder.Create();

    protected override IStorage CreateStorage() => new FileStorage(Path.Combine(_folder, "state", Guid.NewGuid().ToString("N")));

    protected override IItemStore CreateItemStore() => new FileItemStore(Path.Combine(_folder, "items", Guid.NewGuid().ToString("N")));

    // A write is two files (data and ETag stamp); a process that died between them must leave an item that is
    // either there or not, for readers and conditional writers alike.
    [Fact]
    public async Task AnItemWhoseStampWasLostIsStillReadAndReplacedOnlyUnderTheETagItWasReadWith()
    {
        var items = new FileItemStore(Path.Combine(_folder, "items", Guid.NewGuid().ToString("N")));
        await items.WriteAsync("u/e", "before"u8.ToArray());
        File.Delete(Path.Combine(items.Folder, "u", "e.etag"));

        var read = await items.ReadAsync("u/e");
        Assert.Equal("before", System.Text.Encoding.UTF8.GetString(read!.Content.Span));
        await Assert.ThrowsAsync<ETagConflictException>(() => items.WriteAsync("u/e", "again"u8.ToArray(), createOnly: true));
        await Assert.ThrowsAsync<ETagConflictException>(() => items.WriteAsync("u/e", "stale"u8.ToArray(), ifMatch: "\"something-else\""));
        await items.WriteAsync("u/e", "after"u8.ToArray(), ifMatch: read.ETag);
        Assert.Equal("after", System.Text.Encoding.UTF8.GetString((await items.ReadAsync("u/e"))!.Content.Span));
    }

    [Fact]
    public async Task AStampWithoutDataIsNoItemAndACreateOnlyWriteStillGoesThrough()
    {
        var items = new FileItemStore(Path.Combine(_folder, "items", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Path.Combine(items.Folder, "u"));
        await File.WriteAllTextAsync(Path.Combine(items.Folder, "u", "e.etag"), "\"left-by-a-new-write\"");

        Assert.Null(await items.ReadAsync("u/e"));
        Assert.Empty(await ToListAsync(items.ListAsync("u")));
        await items.WriteAsync("u/e", "created"u8.ToArray(), createOnly: true);
        Assert.Equal("created", System.Text.Encoding.UTF8.GetString((await items.ReadAsync("u/e"))!.Content.Span));
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> keys)
    {
        var list = new List<string>();
        await foreach (var key in keys)
        {
            list.Add(key);
        }

        return list;
    }
}
