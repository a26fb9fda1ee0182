using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Journal;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journal;

/// <summary>"delete entry N" through the real host: it asks first, names the entry, and numbers keep meaning what the person saw.</summary>
public sealed class DeleteEntryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now.AddDays(-40));
    private BotHost? _host;

    private BotHost Host => _host ??= new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(_time) };

    public void Dispose() => _host?.Dispose();

    private async Task<IReadOnlyList<JournalEntry>> EntriesAsync(BotClient bot)
        => await Host.Services.GetRequiredService<IJournalStore>().ListAsync(bot.Key);

    /// <summary>Three check-ins, listed newest first: 1 on 25 Nov, 2 on 18 Nov, 3 on 10 Nov (New York time).</summary>
    private async Task<BotClient> ThreeEntriesListedAsync()
    {
        var bot = Host.Client();
        bot.TimeZone = "America/New_York";
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 10, 14, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(4, "scared", "the oldest one");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 18, 14, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(7, "calm", "the one that matters most");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        await bot.CheckInAsync(5, "hurt", "the newest one");
        _time.SetUtcNow(Now);
        await bot.SayAsync("my journal");
        return bot;
    }

    [Fact]
    public async Task DeleteEntryAsksFirstNamingTheEntryAndDeletesOnlyAfterYes()
    {
        var bot = await ThreeEntriesListedAsync();

        var question = BotClient.Read(await bot.SayAsync("delete entry 1"));
        Assert.Contains("Delete entry 1, \"Daily check-in\" from Wed 25 Nov 2026, 22:00?", question, StringComparison.Ordinal);
        Assert.Equal(3, (await EntriesAsync(bot)).Count);

        var done = BotClient.Read(await bot.SayAsync("yes, delete it"));
        Assert.Contains("Deleted entry 1, \"Daily check-in\" from Wed 25 Nov 2026, 22:00.", done, StringComparison.Ordinal);
        var left = await EntriesAsync(bot);
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(left, e => e.Answers.ContainsValue("the newest one"));
    }

    [Fact]
    public async Task AfterADeletionTheOtherNumbersStillMeanTheEntriesThePersonSaw()
    {
        var bot = await ThreeEntriesListedAsync();
        await bot.SayAsync("delete entry 1");
        await bot.SayAsync("yes");

        // The list on screen still says 2 is 18 Nov. Renumbering made this "2" the 10 Nov entry.
        var question = BotClient.Read(await bot.SayAsync("delete entry 2"));
        Assert.Contains("Delete entry 2, \"Daily check-in\" from Wed 18 Nov 2026, 09:00?", question, StringComparison.Ordinal);
        Assert.Contains("entry 2 stays", BotClient.Read(await bot.SayAsync("no, keep it")), StringComparison.Ordinal);
        Assert.Equal(2, (await EntriesAsync(bot)).Count);

        Assert.Contains("the oldest one", BotClient.Read(await bot.SayAsync("read 3")), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(JournalStrings.EntryGone), BotClient.Read(await bot.SayAsync("read 1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesThatDoesNotAnswerTheQuestionStraightAwayDeletesNothing()
    {
        var bot = await ThreeEntriesListedAsync();
        await bot.SayAsync("delete entry 3");
        await bot.SayAsync("my journal");
        await bot.SayAsync("yes");
        Assert.Equal(3, (await EntriesAsync(bot)).Count);

        // Nor does a yes after the question has waited longer than ten minutes.
        await bot.SayAsync("delete entry 3");
        _time.Advance(TimeSpan.FromMinutes(11));
        await bot.SayAsync("yes");
        Assert.Equal(3, (await EntriesAsync(bot)).Count);
    }
}
