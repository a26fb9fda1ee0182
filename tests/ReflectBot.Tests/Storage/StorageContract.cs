using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// The storage contract, written once and run against every backend (files; blobs on Azurite): Bot
/// Framework state through <see cref="IStorage"/> and records through <see cref="IItemStore"/>.
/// </summary>
public abstract class StorageContract
{
    private static readonly string[] OddKeyList =
    [
        "webchat/conversations/a:b#c?d%e&f=g",
        "msteams/users/29:1AbC-dEf_gHi/..",
        "emoji 🙂 ünïcödé 漢字",
        "ends with a dot.",
        ".starts-with-a-dot",
        "back\\slash and \"quotes\" and <tags>",
        new string('k', 1500),
        new string('k', 1500) + "!",
    ];

    public static TheoryData<string> OddKeys => new(OddKeyList);

    protected abstract IStorage CreateStorage();

    protected abstract IItemStore CreateItemStore();

    [Fact]
    public async Task AWrittenValueReadsBackWithAnETag()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k1"] = new JObject { ["name"] = "Ada", ["count"] = 3 } });

        var read = await storage.ReadAsync(["k1"]);

        var value = Assert.IsAssignableFrom<IDictionary<string, object>>(read["k1"]);
        Assert.Equal("Ada", ((JToken)value["name"]).Value<string>());
        Assert.Equal(3, ((JToken)value["count"]).Value<int>());
        Assert.False(string.IsNullOrEmpty(value[StoreJson.ETagProperty] as string));
    }

    [Fact]
    public async Task AMissingKeyIsLeftOutOfWhatIsRead()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["there"] = new JObject { ["v"] = 1 } });

        var read = await storage.ReadAsync(["there", "not-there"]);

        Assert.Equal(["there"], read.Keys);
    }

    [Fact]
    public async Task SeveralKeysAreReadInOneCall()
    {
        var storage = CreateStorage();
        var changes = Enumerable.Range(0, 12).ToDictionary(i => $"many/{i}", i => (object)new JObject { ["v"] = i });
        await storage.WriteAsync(changes);

        var read = await storage.ReadAsync([.. changes.Keys]);

        Assert.Equal(12, read.Count);
        Assert.All(Enumerable.Range(0, 12), i => Assert.Equal(i, ((JToken)((IDictionary<string, object>)read[$"many/{i}"])["v"]).Value<int>()));
    }

    [Fact]
    public async Task AWriteWithAStaleETagFailsAndChangesNothing()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = "first" } });
        var stale = (await storage.ReadAsync(["k"]))["k"];
        var fresh = (await storage.ReadAsync(["k"]))["k"];
        ((IDictionary<string, object>)fresh)["v"] = "second";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = fresh });

        ((IDictionary<string, object>)stale)["v"] = "lost update";
        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale }));

        Assert.Equal("second", ValueOf(await storage.ReadAsync(["k"]), "k", "v"));
    }

    [Fact]
    public async Task AWrittenValueCarriesItsNewETagSoTheNextSaveIsConditional()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = 0 } });
        var mine = (IDictionary<string, object>)(await storage.ReadAsync(["k"]))["k"];
        mine["v"] = 1;
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = mine });
        mine["v"] = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = mine });

        var theirs = (IDictionary<string, object>)(await storage.ReadAsync(["k"]))["k"];
        theirs["v"] = 3;
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = theirs });
        mine["v"] = 4;

        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = mine }));
        Assert.Equal("3", ValueOf(await storage.ReadAsync(["k"]), "k", "v"));
    }

    [Fact]
    public async Task ANewStateWrittenCreateOnlyLosesToOneCreatedMeanwhile()
    {
        // Two instances both read "no state yet" for a new conversation; the first to write wins, the
        // second gets a conflict (and re-runs its turn) instead of overwriting.
        var storage = CreateStorage();
        var first = new Dictionary<string, object> { ["v"] = "first", [StoreJson.ETagProperty] = StoreJson.CreateOnlyETag };
        var second = new Dictionary<string, object> { ["v"] = "second", [StoreJson.ETagProperty] = StoreJson.CreateOnlyETag };

        await storage.WriteAsync(new Dictionary<string, object> { ["new"] = first });
        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["new"] = second }));

        Assert.Equal("first", ValueOf(await storage.ReadAsync(["new"]), "new", "v"));

        // The winner's dictionary now carries the real ETag, so its next save is an ordinary conditional write.
        Assert.NotEqual(StoreJson.CreateOnlyETag, first[StoreJson.ETagProperty]);
        first["v"] = "first, again";
        await storage.WriteAsync(new Dictionary<string, object> { ["new"] = first });
        Assert.Equal("first, again", ValueOf(await storage.ReadAsync(["new"]), "new", "v"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task AStarOrMissingETagOverwrites(string? etag)
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = "old" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = "older" } });

        var value = new JObject { ["v"] = "new" };
        if (etag is not null)
        {
            value[StoreJson.ETagProperty] = etag;
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = value });

        Assert.Equal("new", ValueOf(await storage.ReadAsync(["k"]), "k", "v"));
    }

    [Fact]
    public async Task DeleteRemovesAKeyAndIgnoresAMissingOne()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["gone"] = new JObject { ["v"] = 1 }, ["kept"] = new JObject { ["v"] = 2 } });

        await storage.DeleteAsync(["gone", "never-was"]);

        Assert.Equal(["kept"], (await storage.ReadAsync(["gone", "kept"])).Keys);
    }

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task AnyKeyAChannelCanProduceRoundTrips(string key)
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new JObject { ["key"] = key } });

        Assert.Equal(key, ValueOf(await storage.ReadAsync([key]), key, "key"));
    }

    [Fact]
    public async Task OddKeysStayDistinct()
    {
        var storage = CreateStorage();
        var keys = OddKeyList.Concat(["a/b", "a%2Fb", "a%252Fb", "A/b"]).ToArray();
        await storage.WriteAsync(keys.ToDictionary(k => k, k => (object)new JObject { ["key"] = k }));

        var read = await storage.ReadAsync(keys);

        Assert.All(keys, k => Assert.Equal(k, ValueOf(read, k, "key")));
    }

    [Fact]
    public async Task AOneMegabyteValueRoundTrips()
    {
        var storage = CreateStorage();
        var big = new string('x', 1024 * 1024);
        await storage.WriteAsync(new Dictionary<string, object> { ["big"] = new JObject { ["text"] = big } });

        Assert.Equal(big, ValueOf(await storage.ReadAsync(["big"]), "big", "text"));
    }

    [Fact]
    public async Task OfConcurrentWritersToOneKeyExactlyOneWinsEachRound()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["contended"] = new JObject { ["winner"] = -1 } });
        for (var round = 0; round < 8; round++)
        {
            var etag = (string)((IDictionary<string, object>)(await storage.ReadAsync(["contended"]))["contended"])[StoreJson.ETagProperty];
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
            {
                await Task.Yield();
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { ["contended"] = new JObject { ["winner"] = writer, [StoreJson.ETagProperty] = etag } });
                    return writer;
                }
                catch (ETagConflictException)
                {
                    return -1;
                }
            }));

            var winner = Assert.Single(outcomes, o => o >= 0);
            Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), ValueOf(await storage.ReadAsync(["contended"]), "contended", "winner"));
        }
    }

    [Fact]
    public async Task AnItemReadsBackWithItsETagAndAMissingOneIsNull()
    {
        var items = CreateItemStore();
        var etag = await items.WriteAsync("u1/e1", Bytes("hello"));

        var item = await items.ReadAsync("u1/e1");

        Assert.NotNull(item);
        Assert.Equal("hello", Text(item));
        Assert.Equal(etag, item.ETag);
        Assert.Null(await items.ReadAsync("u1/nothing"));
    }

    [Fact]
    public async Task AnItemWriteWithAStaleETagFailsAndChangesNothing()
    {
        var items = CreateItemStore();
        var first = await items.WriteAsync("u/e", Bytes("1"));
        var second = await items.WriteAsync("u/e", Bytes("2"), ifMatch: first);

        await Assert.ThrowsAsync<ETagConflictException>(() => items.WriteAsync("u/e", Bytes("3"), ifMatch: first));

        Assert.NotEqual(first, second);
        Assert.Equal("2", Text(await items.ReadAsync("u/e")));
    }

    [Fact]
    public async Task AnItemWriteWithStarOrNoETagOverwrites()
    {
        var items = CreateItemStore();
        await items.WriteAsync("u/e", Bytes("1"));
        await items.WriteAsync("u/e", Bytes("2"), ifMatch: "*");
        Assert.Equal("2", Text(await items.ReadAsync("u/e")));
        await items.WriteAsync("u/e", Bytes("3"));
        Assert.Equal("3", Text(await items.ReadAsync("u/e")));
    }

    [Fact]
    public async Task ACreateOnlyWriteKeepsTheFirstItem()
    {
        var items = CreateItemStore();
        await items.WriteAsync("u/e", Bytes("first"), createOnly: true);

        await Assert.ThrowsAsync<ETagConflictException>(() => items.WriteAsync("u/e", Bytes("second"), createOnly: true));

        Assert.Equal("first", Text(await items.ReadAsync("u/e")));
    }

    [Fact]
    public async Task OfConcurrentCreateOnlyWritersExactlyOneWins()
    {
        var items = CreateItemStore();
        for (var round = 0; round < 5; round++)
        {
            var key = $"race/{round}";
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
            {
                await Task.Yield();
                try
                {
                    await items.WriteAsync(key, Bytes(writer.ToString(System.Globalization.CultureInfo.InvariantCulture)), createOnly: true);
                    return writer;
                }
                catch (ETagConflictException)
                {
                    return -1;
                }
            }));

            var winner = Assert.Single(outcomes, o => o >= 0);
            Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(await items.ReadAsync(key)));
        }
    }

    [Fact]
    public async Task OfConcurrentConditionalItemWritersExactlyOneWinsEachRound()
    {
        var items = CreateItemStore();
        var etag = await items.WriteAsync("u/counter", Bytes("start"));
        for (var round = 0; round < 5; round++)
        {
            var current = etag;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
            {
                await Task.Yield();
                try
                {
                    return await items.WriteAsync("u/counter", Bytes($"{round}:{writer}"), ifMatch: current);
                }
                catch (ETagConflictException)
                {
                    return null;
                }
            }));

            etag = Assert.Single(outcomes, o => o is not null)!;
            Assert.Equal(etag, (await items.ReadAsync("u/counter"))!.ETag);
        }
    }

    [Fact]
    public async Task DeletingAnItemSaysWhetherItWasThere()
    {
        var items = CreateItemStore();
        await items.WriteAsync("u/e", Bytes("x"));

        Assert.True(await items.DeleteAsync("u/e"));
        Assert.False(await items.DeleteAsync("u/e"));
        Assert.Null(await items.ReadAsync("u/e"));
    }

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task AnItemUnderAnyUserKeyRoundTripsAndIsListed(string user)
    {
        var items = CreateItemStore();
        var key = $"{user}/entry-1";
        await items.WriteAsync(key, Bytes(user));

        Assert.Equal(user, Text(await items.ReadAsync(key)));
        Assert.Equal([key], await ListAsync(items, user));
    }

    [Fact]
    public async Task ListingAFolderGivesItsItemsAtAnyDepthAndNoneOfItsNeighbours()
    {
        var items = CreateItemStore();
        foreach (var key in new[] { "webchat/u1/a", "webchat/u1/b", "webchat/u1/deep/c", "webchat/u10/a", "webchat/u2/a", "msteams/u1/a" })
        {
            await items.WriteAsync(key, Bytes(key));
        }

        Assert.Equal(["webchat/u1/a", "webchat/u1/b", "webchat/u1/deep/c"], (await ListAsync(items, "webchat/u1")).Order(StringComparer.Ordinal));
        Assert.Equal(5, (await ListAsync(items, "webchat")).Count + (await ListAsync(items, "msteams")).Count - 1);
        Assert.Empty(await ListAsync(items, "nobody"));
    }

    [Fact]
    public async Task DeletingAFolderRemovesAllOfItAndNothingElse()
    {
        var items = CreateItemStore();
        for (var i = 0; i < 30; i++)
        {
            await items.WriteAsync($"webchat/u1/e{i}", Bytes("x"));
        }

        await items.WriteAsync("webchat/u10/e0", Bytes("neighbour"));

        Assert.Equal(30, await items.DeleteFolderAsync("webchat/u1"));
        Assert.Empty(await ListAsync(items, "webchat/u1"));
        Assert.Equal("neighbour", Text(await items.ReadAsync("webchat/u10/e0")));
        Assert.Equal(0, await items.DeleteFolderAsync("webchat/u1"));
    }

    [Fact]
    public async Task AOneMegabyteItemRoundTrips()
    {
        var items = CreateItemStore();
        var big = new byte[1024 * 1024];
        new Random(7).NextBytes(big);
        await items.WriteAsync("u/big", big);

        Assert.Equal(big, (await items.ReadAsync("u/big"))!.Content.ToArray());
    }

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(StoredItem? item) => Encoding.UTF8.GetString(Assert.IsType<StoredItem>(item).Content.Span);

    private static async Task<List<string>> ListAsync(IItemStore items, string folder)
    {
        var keys = new List<string>();
        await foreach (var key in items.ListAsync(folder))
        {
            keys.Add(key);
        }

        return keys;
    }

    private static string? ValueOf(IDictionary<string, object> read, string key, string property)
    {
        Assert.True(read.ContainsKey(key), "The key was not read back.");
        return ((JToken)((IDictionary<string, object>)read[key])[property]).ToString();
    }
}
