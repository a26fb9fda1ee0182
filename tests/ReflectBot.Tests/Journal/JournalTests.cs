using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;

namespace ReflectBot.Tests.Journal;

/// <summary>The journal through the real host: listing, reading, date range and word search, mood, export, retries.</summary>
public sealed class JournalTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now.AddDays(-40));
    private BotHost? _host;

    private BotHost Host => _host ??= new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(_time) };

    public void Dispose() => _host?.Dispose();

    private BotClient NewYorker()
    {
        var bot = Host.Client();
        bot.TimeZone = "America/New_York";
        return bot;
    }

    /// <summary>Three check-ins: 10 Nov, 18 Nov (last week), and late on 25 Nov in New York (26 Nov in UTC).</summary>
    private async Task<BotClient> ThreeWeeksAsync()
    {
        var bot = NewYorker();
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 10, 14, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(4, "scared", "my fear of abandonment came up again");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 18, 14, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(7, "calm", "a quiet day in the garden", save: "yes");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(5, "hurt", "I felt abandoned when Sam cancelled", save: "yes");
        _time.SetUtcNow(Now);
        return bot;
    }

    [Fact]
    public async Task MyJournalListsTheLatestEntriesInTheUsersZoneAndReadOpensOne()
    {
        var bot = await ThreeWeeksAsync();
        var list = BotClient.Read(await bot.SayAsync("my journal"));
        output.WriteLine(list);
        Assert.Contains("1. Wed 25 Nov 2026, 22:00 · Daily check-in · mood 5/10", list, StringComparison.Ordinal);
        Assert.Contains("2. Wed 18 Nov 2026, 09:00 · Daily check-in · mood 7/10", list, StringComparison.Ordinal);
        Assert.Contains("3. Tue 10 Nov 2026, 09:00 · Daily check-in · mood 4/10", list, StringComparison.Ordinal);

        var second = BotClient.Read(await bot.SayAsync("read 2"));
        Assert.Contains("a quiet day in the garden", second, StringComparison.Ordinal);
        Assert.Contains("What's on your mind?", second, StringComparison.Ordinal);

        // Straight after a listing, the number alone opens the entry too.
        Assert.Contains("Sam cancelled", BotClient.Read(await bot.SayAsync("1")), StringComparison.Ordinal);
        Assert.Contains("from 1 to 3", BotClient.Read(await bot.SayAsync("read 9")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalFromLastWeekReadsTheRangeInTheUsersZone()
    {
        var bot = await ThreeWeeksAsync();
        var lastWeek = BotClient.Read(await bot.SayAsync("journal from last week"));
        output.WriteLine(lastWeek);
        Assert.Contains("18 Nov", lastWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("10 Nov 2026", lastWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("25 Nov 2026", lastWeek, StringComparison.Ordinal);

        // 26 Nov in UTC, but 25 Nov where the user is.
        var day = BotClient.Read(await bot.SayAsync("entries from november 25"));
        Assert.Contains("mood 5/10", day, StringComparison.Ordinal);
        Assert.DoesNotContain("mood 7/10", day, StringComparison.Ordinal);
        Assert.Contains("couldn't tell which dates", BotClient.Read(await bot.SayAsync("journal from purple")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesAboutAWordFindEntriesWithAnyFormOfIt()
    {
        var bot = await ThreeWeeksAsync();
        var found = BotClient.Read(await bot.SayAsync("entries about abandonment"));
        Assert.Contains("mood 4/10", found, StringComparison.Ordinal);
        Assert.Contains("mood 5/10", found, StringComparison.Ordinal);
        Assert.DoesNotContain("mood 7/10", found, StringComparison.Ordinal);
        Assert.Contains("found no entries", BotClient.Read(await bot.SayAsync("entries about volcanoes")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoodSendsAThirtyDayPngChartAndAOneLineSummary()
    {
        var bot = NewYorker();
        var moods = new[] { 3, 4, 4, 6, 7, 8 };
        for (var i = 0; i < moods.Length; i++)
        {
            _time.SetUtcNow(Now.AddDays(-(moods.Length - i) * 4));
            await bot.CheckInAsync(moods[i], "ok", "fine");
        }

        _time.SetUtcNow(Now);
        var replies = await bot.SayAsync("mood");
        var reply = Assert.Single(replies);
        Assert.Contains("6 scores, average 5.3 out of 10 (lowest 3, highest 8), trending up", reply.Text, StringComparison.Ordinal);
        var image = Assert.Single(reply.Attachments);
        Assert.Equal("image/png", image.ContentType);
        var png = Convert.FromBase64String(image.ContentUrl["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 5_000, $"{png.Length} bytes");
        var path = Path.Combine(Path.GetTempPath(), "reflectbot-mood-chart.png");
        await File.WriteAllBytesAsync(path, png);
        output.WriteLine($"chart: {path}");
    }

    [Fact]
    public async Task ExportLinksDownloadTheWholeJournalAsMarkdownAndJsonAndExpire()
    {
        var bot = await ThreeWeeksAsync();
        var card = Assert.Single(await bot.SayAsync("export"));
        var content = (JObject)card.Attachments[0].Content;
        var links = content["buttons"]!.Select(b => b.Value<string>("value")!).ToList();
        Assert.Equal(2, links.Count);

        var http = Host.CreateClient();
        var markdown = await http.GetStringAsync(new Uri(links[0]));
        Assert.StartsWith("# My journal", markdown, StringComparison.Ordinal);
        Assert.Contains("3 entries", markdown, StringComparison.Ordinal);
        Assert.Contains("my fear of abandonment came up again", markdown, StringComparison.Ordinal);
        Assert.Contains("## Daily check-in — Wed 25 Nov 2026, 22:00", markdown, StringComparison.Ordinal);

        var json = JObject.Parse(await http.GetStringAsync(new Uri(links[1])));
        var exported = json["entries"]!.ToObject<List<JournalEntry>>()!;
        var stored = await Host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1"));
        Assert.Equal(stored.Select(e => e.Id).Order(), exported.Select(e => e.Id).Order());
        foreach (var entry in exported)
        {
            var original = stored.Single(e => e.Id == entry.Id);
            Assert.Equal(original.Answers, entry.Answers);
            Assert.Equal(original.Mood, entry.Mood);
            Assert.Equal(original.CreatedUtc, entry.CreatedUtc);
        }

        // A changed token is refused, and every link stops working after its lifetime.
        var tampered = links[1].Replace(".", "x.", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(tampered))).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(links[0]))).StatusCode);
    }

    [Fact]
    public async Task AChannelRetryOfTheSavingActivityDoesNotCreateASecondEntry()
    {
        var bot = NewYorker();
        await bot.SayAsync("check in");
        await bot.SayAsync("6");
        await bot.SayAsync("steady");
        await bot.SayAsync("nothing much");

        // The channel sends "yes"; the entry is saved but, say, the reply is lost and the turn's state
        // write never landed. The channel retries the same activity against the state as it was before.
        var state = Path.Combine(Host.DataPath, "state");
        var before = Snapshot(state);
        var yes = bot.Message("yes", id: "activity-yes-1");
        Assert.Contains("Saved", BotClient.Read(await bot.SendAsync(yes)), StringComparison.Ordinal);
        Restore(state, before);
        await bot.SendAsync(bot.Message("yes", id: "activity-yes-1"));

        var journal = Host.Services.GetRequiredService<IJournalStore>();
        Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "user-1")));

        // Control: the same replay with a new activity id is a new entry, so the check above can fail.
        Restore(state, before);
        await bot.SendAsync(bot.Message("yes", id: "activity-yes-2"));
        Assert.Equal(2, (await journal.ListAsync(UserKeys.From("webchat", "user-1"))).Count);
    }

    [Fact]
    public async Task TheBytesOnDiskDoNotContainTheAnswerText()
    {
        var bot = NewYorker();
        await bot.CheckInAsync(6, "luminous-marmalade", "the heron over the canal at dawn");
        Assert.Single(await Host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));

        var files = Directory.EnumerateFiles(Host.DataPath, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".item", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("luminous-marmalade", bytes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("heron over the canal", bytes, StringComparison.OrdinalIgnoreCase);
        }

        var item = JObject.Parse(await File.ReadAllTextAsync(files.Single(f => f.Contains("journal", StringComparison.Ordinal) && f.EndsWith(".item", StringComparison.Ordinal))));
        Assert.Equal(["v", "kid", "n", "c", "t"], item.Properties().Select(p => p.Name));
    }

    [Fact]
    public async Task AfterAKeyRotationOldEntriesStillOpenAndNewOnesUseTheNewKey()
    {
        var data = TempFolder.Create();
        var oldKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using (var first = new BotHost(data, ("Journal:EncryptionKey", oldKey)))
        {
            await first.Client().CheckInAsync(3, "before", "written with the old key");
        }

        using (var rotated = new BotHost(data, ("Journal:EncryptionKey", newKey), ("Journal:PreviousKeys:0", oldKey)))
        {
            await rotated.Client().CheckInAsync(8, "after", "written with the new key");
            var entries = await rotated.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1"));
            Assert.Equal(2, entries.Count);
            var kids = Directory.EnumerateFiles(Path.Combine(data, "journal"), "*.item", SearchOption.AllDirectories)
                .Select(f => JObject.Parse(File.ReadAllText(f)).Value<string>("kid")).Distinct().Count();
            Assert.Equal(2, kids);
        }

        // Without the old key the old entry cannot be read; the rest of the journal still can.
        using var forgotten = new BotHost(data, ("Journal:EncryptionKey", newKey));
        var left = Assert.Single(await forgotten.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Equal("written with the new key", left.Answers["on-mind"]);
    }

    [Fact]
    public async Task ACheckInTurnNeverReadsTheJournal()
    {
        CountingItemStore? counting = null;
        using var host = new BotHost
        {
            TestServices = s => s.AddKeyedSingleton<IItemStore>(ItemStoreNames.Journal, (sp, _) =>
                counting = new CountingItemStore(new FileItemStore(Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataPath, "journal")))),
        };
        var bot = host.Client();
        for (var i = 0; i < 20; i++)
        {
            await bot.CheckInAsync(5, $"feeling {i}", $"thought {i}");
        }

        counting!.Reset();
        await bot.CheckInAsync(6, "one more", "and it costs the same");
        Assert.Equal(0, counting.Reads);
        Assert.Equal(0, counting.Lists);
        Assert.Equal(1, counting.Writes);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder)
        => Directory.EnumerateFiles(folder, "*.json").ToDictionary(f => f, File.ReadAllBytes);

    private static void Restore(string folder, Dictionary<string, byte[]> snapshot)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            File.Delete(file);
        }

        foreach (var (file, bytes) in snapshot)
        {
            File.WriteAllBytes(file, bytes);
        }
    }
}
