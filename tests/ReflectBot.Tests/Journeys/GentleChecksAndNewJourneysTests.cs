using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>Issue 16's content over HTTP: the check at a very low mood, the two new journeys, skipping a choice, the two new cards.</summary>
public sealed class GentleChecksAndNewJourneysTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JournalEntry> OnlyEntryAsync()
        => Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));

    private string Title(string cardId) => _host.Services.GetRequiredService<CardCatalog>().Find(cardId)!.Title;

    [Theory]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("2", false)]
    [InlineData("10", false)]
    public async Task TheCheckInAsksHowSomeoneIsInThisMomentOnlyAtAMoodOfZeroOrOne(string mood, bool checks)
    {
        var replies = await _host.Client().SayAllAsync("check in", mood);
        var asked = BotClient.Read(replies.TakeLast(1));
        Assert.Equal(checks, asked.Contains("Before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SafeButLowGoesOnToTheFeelingsAndOffersSoothing()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "1");
        var next = BotClient.Read(await bot.SayAsync("hard, but I'm safe"));
        Assert.DoesNotContain("emergency number", next, StringComparison.Ordinal);
        var end = BotClient.Read(await bot.SayAllAsync("heavy", "work", "yes"));
        Assert.Contains("Self-soothing practice", end, StringComparison.Ordinal);
        var entry = await OnlyEntryAsync();
        Assert.Equal(1, entry.Mood);
        Assert.Equal("heavy", entry.Answers["feelings"]);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("3")]
    public async Task NotSureAtAVeryLowMoodSaysWhereHelpIsThenAsksOneLastQuestion(string answer)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "0");
        var support = BotClient.Read(await bot.SayAsync(answer));
        Assert.Contains("emergency number", support, StringComparison.Ordinal);
        Assert.Contains("next hour", support, StringComparison.Ordinal);
        await bot.SayAllAsync("my brother", "everything", "yes");
        var entry = await OnlyEntryAsync();
        Assert.Equal("my brother", entry.Answers["low-support"]);
        Assert.False(entry.Answers.ContainsKey("feelings"), "the support path is shorter");
    }

    [Fact]
    public async Task TheThoughtRecordSavesBothStrengthsAndOffersSoothingWhenTheFeelingStaysStrong()
    {
        var replies = await _host.Client().SayAllAsync(
            "thought record", "my manager walked past without a word; ashamed", "8", "I've done something wrong",
            "he didn't say hello", "he was on the phone", "he was busy, not angry with me", "7", "yes");
        Assert.Contains("Self-soothing practice", BotClient.Read(replies.TakeLast(2)), StringComparison.Ordinal);
        var entry = await OnlyEntryAsync();
        Assert.Equal("8", entry.Answers["strength-before"]);
        Assert.Equal("7", entry.Answers["strength-after"]);
        Assert.Equal("he was busy, not angry with me", entry.Answers["alternative"]);
    }

    [Fact]
    public async Task AThoughtRecordThatEasesTheFeelingDoesNotOfferSoothing()
    {
        var replies = await _host.Client().SayAllAsync(
            "thought record", "a friend didn't reply; hurt", "6", "she's tired of me",
            "no reply all day", "she wrote yesterday", "she may just be busy", "3", "yes");
        Assert.DoesNotContain("Self-soothing practice", BotClient.Read(replies.TakeLast(2)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Fears => new()
    {
        { "being found inadequate", "fear-inadequacy" },
        { "engulfment", "fear-engulfment" },
        { "losing control", "fear-losing-control" },
        { "losing autonomy", "fear-losing-autonomy" },
        { "being attacked", "fear-attack" },
        { "disappointment and betrayal", "fear-betrayal" },
        { "guilt", "fear-guilt" },
        { "rejection and abandonment", "fear-rejection" },
        { "none of these", "fearing-what-we-long-for" },
    };

    [Theory]
    [MemberData(nameof(Fears))]
    public async Task AMomentOfClosenessShowsTheCardOfTheFearChosen(string fear, string cardId)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("moment of closeness", "we were cooking together and she hugged me");
        Assert.Equal([Title(cardId)], Replies.CardTitles(await bot.SayAsync(fear)));
    }

    [Theory]
    [InlineData("moment of closeness", "we sat close on the sofa")]
    [InlineData("fears", "I left the party early")]
    public async Task SkippingTheFearQuestionShowsNoCard(string command, string moment)
    {
        var bot = _host.Client();
        await bot.SayAllAsync(command, moment);
        var skipped = await bot.SayAsync("skip this one");
        Assert.Empty(Replies.CardTitles(skipped));
    }

    [Fact]
    public async Task SkippingTheFirstEarlyAttachmentQuestionShowsNoChildhoodCard()
    {
        var bot = _host.Client();
        await bot.SayAsync("attachment");
        Assert.Empty(Replies.CardTitles(await bot.SayAsync("skip this one")));
    }

    [Fact]
    public async Task TheDeepJourneysSayHowToSkipOrStopAtTheStart()
    {
        foreach (var command in new[] { "fears", "attachment" })
        {
            var first = BotClient.Read(await _host.Client($"start-{command}", $"conv-{command}").SayAsync(command));
            Assert.Contains("\"skip\"", first, StringComparison.Ordinal);
            Assert.Contains("\"stop\"", first, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("It's history repeating, I always fall for someone who keeps me at a distance.", "familiar-rejections")]
    [InlineData("He is so kind to me and I keep waiting for the catch.", "love-and-old-walls")]
    public async Task TheTwoNewCardsComeUpFromTheirPhrasesInFreeWriting(string writing, string cardId)
    {
        var bot = _host.Client();
        await bot.SayAsync("free write");
        Assert.Contains(Title(cardId), Replies.CardTitles(await bot.SayAsync(writing)));
    }
}
