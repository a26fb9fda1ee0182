using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>The fears-of-intimacy journey down each of its eight branches: the fear's card, its own questions, then the body and the younger self.</summary>
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
        { "being attacked", "fear-attack", ["attack-signs", "attack-now"] },
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

        // One answer per branch question, then the two shared questions, then save.
        var answers = branchSteps.Select((s, i) => $"branch answer {i + 1}").ToArray();
        var branch = await bot.SayAllAsync(answers);
        Assert.Contains("body", BotClient.Read(branch.TakeLast(1)), StringComparison.OrdinalIgnoreCase);
        await bot.SayAllAsync("in my shoulders", "that it was safer to manage alone");
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

        // Only the chosen branch was asked: the entry holds no other branch's answers.
        var expected = new[] { "moment", "fear", "body", "younger-self" }.Concat(branchSteps).Order(StringComparer.Ordinal);
        Assert.Equal(expected, entry.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(cardId, entry.Cards[0]);
    }

    [Fact]
    public async Task HelpCountsTheQuestionsOfTheChosenBranch()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("fears", "I went quiet on a call", "losing control");
        var help = BotClient.Read(await bot.SayAsync("help"));
        Assert.Contains("fears of intimacy, question 3 of 5", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFearNamedInOwnWordsPicksItsBranchBySynonym()
    {
        var bot = _host.Client();
        var replies = await bot.SayAllAsync("fears", "I cancelled on him", "I think I felt smothered");
        Assert.Equal(["The fear of being swallowed up"], Replies.CardTitles(replies));
    }
}
