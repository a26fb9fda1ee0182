using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>The fears-of-intimacy journey down each of its eight branches: the fear's card, its own questions, then the younger self, the body and a settling step (the attack branch: a gentle check instead of the younger self).</summary>
public sealed class FearsJourneyTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string, string[]> Branches => new()
    {
        { "being found inadequate", "fear-inadequacy", ["inadequacy-seen", "inadequacy-kind"] },
        { "engulfment", "fear-engulfment", ["engulfment-self", "engulfment-space"] },
        { "losing control", "fear-losing-control", ["control-moment"] },
        { "losing autonomy", "fear-losing-autonomy", ["autonomy-space", "autonomy-both"] },
        { "disappointment and betrayal", "fear-betrayal", ["betrayal-trust"] },
        { "guilt", "fear-guilt", ["guilt-owe", "guilt-whose"] },
        { "rejection and abandonment", "fear-rejection", ["rejection-signs", "rejection-first"] },
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public async Task EachFearShowsItsCardAsksItsOwnQuestionsAndSavesThem(string fear, string cardId, string[] branchSteps)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("fears", "I left the party early when she wanted to talk");
        var afterChoice = await bot.SayAsync(fear);

        var card = _host.Services.GetRequiredService<CardCatalog>().Find(cardId)!;
        Assert.Equal([card.Title], Replies.CardTitles(afterChoice));

        // One answer per branch question, then the younger self, the body and the settling step, then save.
        var answers = branchSteps.Select((s, i) => $"branch answer {i + 1}").ToArray();
        var branch = await bot.SayAllAsync(answers);
        Assert.Contains("younger", BotClient.Read(branch.TakeLast(1)), StringComparison.OrdinalIgnoreCase);
        var younger = await bot.SayAsync("that it was safer to manage alone");
        Assert.Contains("body", BotClient.Read(younger.TakeLast(1)), StringComparison.OrdinalIgnoreCase);
        var body = await bot.SayAsync("in my shoulders");
        Assert.Contains("\"done\"", BotClient.Read(body.TakeLast(1)), StringComparison.Ordinal);
        await bot.SayAsync("done");
        var end = await bot.SayAsync("yes");
        Assert.Contains("Saved", BotClient.Read(end), StringComparison.Ordinal);

        var entry = Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Equal(fear, entry.Answers["fear"]);
        Assert.Equal("in my shoulders", entry.Answers["body"]);
        Assert.Equal("that it was safer to manage alone", entry.Answers["younger-self"]);
        for (var i = 0; i < branchSteps.Length; i++)
        {
            Assert.Equal($"branch answer {i + 1}", entry.Answers[branchSteps[i]]);
        }

        // Only the chosen branch was asked, and the settling step is not kept: the entry holds no other answers.
        var expected = new[] { "moment", "fear", "body", "younger-self" }.Concat(branchSteps).Order(StringComparer.Ordinal);
        Assert.Equal(expected, entry.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(cardId, entry.Cards[0]);
    }

    [Theory]
    [InlineData("safe with them", false)]
    [InlineData("it's an older feeling", false)]
    [InlineData("skip this one", false)]
    [InlineData("not sure", true)]
    [InlineData("3", true)]
    public async Task BeingAttackedChecksGentlyAndLeadsToSupportOrTheBody(string check, bool support)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("fears", "I flinched when he raised his voice", "being attacked", "his tone");
        var asked = await bot.SayAsync("it feels older than him");
        Assert.Contains("how safe do you feel with this person", BotClient.Read(asked.TakeLast(1)), StringComparison.OrdinalIgnoreCase);

        var next = BotClient.Read((await bot.SayAsync(check)).TakeLast(1));
        if (support)
        {
            Assert.Contains("never your fault", next, StringComparison.Ordinal);
            Assert.Contains("emergency number", next, StringComparison.Ordinal);
            Assert.Contains("\"done\"", BotClient.Read((await bot.SayAsync("my sister")).TakeLast(1)), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("body", next, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"done\"", BotClient.Read((await bot.SayAsync("my chest")).TakeLast(1)), StringComparison.Ordinal);
        }

        await bot.SayAllAsync("done", "yes");
        var entry = Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.False(entry.Answers.ContainsKey("younger-self"), "the attack branch asks where the feeling comes from itself");
        Assert.False(entry.Answers.ContainsKey("settle"), "the settling step is not kept");
        Assert.Equal(!support, entry.Answers.ContainsKey("body"));
    }

    [Fact]
    public async Task HelpCountsTheQuestionsOfTheChosenBranch()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("fears", "I went quiet on a call", "losing control");
        var help = BotClient.Read(await bot.SayAsync("help"));
        Assert.Contains("fears of intimacy, question 3 of 6", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFearNamedInOwnWordsPicksItsBranchBySynonym()
    {
        var bot = _host.Client();
        var replies = await bot.SayAllAsync("fears", "I cancelled on him", "I think I felt smothered");
        Assert.Equal(["The fear of being swallowed up"], Replies.CardTitles(replies));
    }
}
