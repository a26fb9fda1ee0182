using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>Every journey, start to finish, through the real host over HTTP; the saved entry checked in the journal store.</summary>
public sealed class JourneyFlowTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JournalEntry> OnlyEntryAsync(string user = "user-1")
        => Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", user)));

    private string Title(string cardId) => _host.Services.GetRequiredService<CardCatalog>().Find(cardId)!.Title;

    [Fact]
    public async Task TheDailyCheckInOnAHardDaySavesTheMoodAndOffersSoothing()
    {
        var replies = await _host.Client().SayAllAsync("check in", "2", "tired", "a long week at work", "yes");
        var end = BotClient.Read(replies.TakeLast(2));
        Assert.Contains("Saved to your journal", end, StringComparison.Ordinal);
        Assert.Contains("Self-soothing practice", end, StringComparison.Ordinal);

        var entry = await OnlyEntryAsync();
        Assert.Equal(2, entry.Mood);
        Assert.Equal("tired", entry.Answers["feelings"]);
        Assert.Equal("a long week at work", entry.Answers["on-mind"]);
    }

    [Fact]
    public async Task TheInnerSelfAsksSixQuestionsAndALowShareShowsTheLongingCard()
    {
        var replies = await _host.Client().SayAllAsync(
            "inner self", "calm, a bit tender", "to be understood", "honesty and my friends", "not lying to people", "most people are doing their best", "3", "yes");

        var cards = Replies.CardTitles(replies);
        Assert.Equal([Title("the-intima"), Title("fearing-what-we-long-for")], cards);
        Assert.Contains("Fears of intimacy", BotClient.Read(replies.TakeLast(1)), StringComparison.Ordinal);

        var entry = await OnlyEntryAsync();
        Assert.Equal(new[] { "feeling-now", "wanting", "values", "right-and-wrong", "beliefs", "sharing" }.Order(StringComparer.Ordinal), entry.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("3", entry.Answers["sharing"]);
        Assert.Equal("to be understood", entry.Answers["wanting"]);
        Assert.Equal(["the-intima", "fearing-what-we-long-for"], entry.Cards);
    }

    [Fact]
    public async Task EarlyAttachmentShowsEachFittingCardOnceAndClosesWithPatternsCanChange()
    {
        // "people" and "feeling mostly secure" both lead to the secure-attachment card: it is shown once.
        var replies = await _host.Client().SayAllAsync(
            "attachment", "unpredictable", "my grandmother", "people", "feeling mostly secure", "saying what I need sooner", "done", "yes");

        var cards = Replies.CardTitles(replies);
        Assert.Equal([Title("soothed-early"), Title("secure-attachment"), Title("patterns-can-change")], cards);

        var entry = await OnlyEntryAsync();
        Assert.Equal("unpredictable", entry.Answers["upsets"]);
        Assert.Equal("people", entry.Answers["now"]);
        Assert.Equal("feeling mostly secure", entry.Answers["pattern"]);
        Assert.Equal("saying what I need sooner", entry.Answers["new-way"]);
        Assert.False(entry.Answers.ContainsKey("settle"), "the settling step is not kept");
        Assert.Equal(["soothed-early", "secure-attachment", "patterns-can-change"], entry.Cards);
    }

    [Fact]
    public async Task SelfSoothingRecordsIntensityBeforeAndAfter()
    {
        var replies = await _host.Client().SayAllAsync(
            "soothe", "8", "done", "a lamp, traffic, my sleeve", "you're doing your best", "4", "yes");

        Assert.Contains("0 = calm, 10 = overwhelmed", BotClient.Read(replies.Take(1)), StringComparison.Ordinal);
        Assert.Equal([Title("regulation"), Title("grounding")], Replies.CardTitles(replies));
        Assert.Contains("Free journaling", BotClient.Read(replies.TakeLast(1)), StringComparison.Ordinal);

        var entry = await OnlyEntryAsync();
        Assert.Equal("8", entry.Answers["before"]);
        Assert.Equal("4", entry.Answers["after"]);
        Assert.Equal("you're doing your best", entry.Answers["kind-words"]);
        Assert.False(entry.Answers.ContainsKey("breath"), "the breathing step is not saved");
    }

    [Fact]
    public async Task FreeJournalingReflectsTheWritersWordsAndOffersAKeywordCard()
    {
        var bot = _host.Client();
        await bot.SayAsync("free write");
        var afterWriting = await bot.SayAsync("I felt so lonely after the call with my sister, like nobody gets it.");
        Assert.Contains("I notice the word \"lonely\"", BotClient.Read(afterWriting), StringComparison.Ordinal);
        Assert.Equal([Title("fear-rejection")], Replies.CardTitles(afterWriting));

        var end = await bot.SayAllAsync("a bit lighter", "yes");
        Assert.Equal([Title("the-intima")], Replies.CardTitles(end));

        var entry = await OnlyEntryAsync();
        Assert.Equal("I felt so lonely after the call with my sister, like nobody gets it.", entry.Answers["writing"]);
        Assert.Equal("a bit lighter", entry.Answers["after-writing"]);
        Assert.Equal(["fear-rejection", "the-intima"], entry.Cards);
    }

    [Fact]
    public async Task FreeJournalingWithoutFeelingWordsQuotesTheFirstSentence()
    {
        var replies = await _host.Client().SayAllAsync("free write", "The garden needs work. Maybe on Sunday.");
        Assert.Contains("\"The garden needs work\"", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BetweenSessionsSavesWhatToBringAndWhenTheSessionIs()
    {
        var replies = await _host.Client().SayAllAsync(
            "between sessions", "I snapped less at home", "the argument on Friday", "why I go quiet", "a next step", "next thursday at 5pm", "yes");

        Assert.Contains("Saved", BotClient.Read(replies), StringComparison.Ordinal);
        var entry = await OnlyEntryAsync();
        Assert.Equal("why I go quiet", entry.Answers["bring"]);
        Assert.Equal("a next step", entry.Answers["hope"]);
        // As the journal shows dates, not the recognizer's "2026-12-03 17:00:00" (a usability test).
        Assert.Matches(@"^Thu \d{1,2} [A-Z][a-z]{2} \d{4}, 17:00$", entry.Answers["when"]);
        Assert.Equal(["patterns-can-change"], entry.Cards);
    }

    [Fact]
    public async Task SayingNoToSavingKeepsTheJournalEmptyButStillClosesWarmly()
    {
        var replies = await _host.Client().SayAllAsync("free write", "just a note", "nothing", "no");
        Assert.Contains("haven't saved it", BotClient.Read(replies.TakeLast(3)), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Fact]
    public async Task TheMenuOffersEveryJourneyAndLearnAndEachButtonStartsItsJourney()
    {
        var bot = _host.Client();
        var menu = Assert.Single(Assert.Single(await bot.SayAsync("menu")).Attachments);
        var buttons = ((Newtonsoft.Json.Linq.JObject)menu.Content)["buttons"]!.Select(b => b.Value<string>("value")!).ToList();
        var catalog = _host.Services.GetRequiredService<ReflectBot.Content.JourneyCatalog>();

        // One button per journey (the safety plan among them) and "learn".
        Assert.Equal(catalog.All.Count + 1, buttons.Count);
        Assert.Contains("learn", buttons);
        Assert.Equal(
            catalog.All.Select(j => j.Id).Order(StringComparer.Ordinal),
            buttons.Where(b => b != "learn").Select(b => catalog.ByCommand(b)?.Id ?? b).Order(StringComparer.Ordinal));
        foreach (var value in buttons.Where(b => b != "learn"))
        {
            var journey = catalog.ByCommand(value);
            Assert.NotNull(journey);
            var first = BotClient.Read(await bot.SayAsync(value));
            Assert.Contains(journey.Steps[0].Prompt, p => first.Contains(p, StringComparison.Ordinal));
        }
    }
}
