using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round ten's closeness rule on the real host over HTTP, as it ships: measured and refused by its rule (evaluation
/// README, round ten, (b)), so words that only the model reads as clear risk get the full reply whether they answer the
/// bot's own question about closeness, the check-in's question, or come as a first message; the middleware reads the
/// question they answer (it is what the rule would act on) and the screen leaves the reading as the model gave it.
/// </summary>
public sealed class ClosenessAnswerTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>A development answer to a closeness question that the shipped model alone reads as clear risk, not an attempt (which one depends on the trained weights).</summary>
    private async Task<string> ModelOnlyFullReplyAsync()
    {
        var screen = _host.Services.GetRequiredService<SafetyScreen>();
        await screen.Model!.WaitReadyAsync();
        var errors = new List<ContentError>();
        return SafetyEvaluation.LoadSets(ContentFolders.Shipped, errors).Dev
            .Where(m => screen.Lexicon.IsClosenessQuestion(m.Prompt))
            .Select(m => m.Text)
            .First(t => screen.Screen(t) is { Level: RiskLevel.Clear, Layer: "model", LexiconOnTopic: false } r && r.Class != RiskClass.Attempt);
    }

    [Fact]
    public async Task AnAnswerToAClosenessQuestionThatOnlyTheModelFlagsKeepsTheFullReplyAsTheRuleDecided()
    {
        Assert.False(SafetyScreen.ClosenessRule);
        var words = await ModelOnlyFullReplyAsync();
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        var asked = BotClient.Read(await bot.SayAsync("fears"));
        Assert.Contains("someone close", asked, StringComparison.Ordinal);
        Assert.True(_host.Services.GetRequiredService<SafetyScreen>().Lexicon.IsClosenessQuestion(asked));

        var replies = await bot.SayAsync(words);

        Assert.True(Conversations.HasCrisisCard(replies));
        Assert.DoesNotContain("That sounds heavy", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameWordsAsAFirstMessageGetTheFullReply()
    {
        var words = await ModelOnlyFullReplyAsync();
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";

        var replies = await bot.SayAsync(words);

        Assert.True(Conversations.HasCrisisCard(replies));
        Assert.DoesNotContain("That sounds heavy", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheRuleOnTheClosenessAnswerWouldGetTheCheckAndTheFirstMessageStillTheFullReply()
    {
        // What the rule measured, on the same reading: only an answer to a closeness question moves, and only to the check.
        var words = await ModelOnlyFullReplyAsync();
        var screen = _host.Services.GetRequiredService<SafetyScreen>();
        var read = screen.Screen(words);
        var closeness = JourneyCatalog.Load(ContentFolders.Shipped).Single(j => j.Id == "fears-of-intimacy").Steps[0].Prompt[0];

        Assert.Equal(RiskLevel.Possible, SafetyScreen.ForAnswer(read, screen.Lexicon.IsClosenessQuestion(closeness), rule: true).Level);
        Assert.Equal(RiskLevel.Clear, SafetyScreen.ForAnswer(read, screen.Lexicon.IsClosenessQuestion(null), rule: true).Level);
        Assert.Same(read, screen.ForAnswer(read, closeness));
    }
}
