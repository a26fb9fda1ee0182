using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>"skip" as a real skip (issue 16): the question stays unanswered, nothing is kept for it, and the journey goes on.</summary>
public sealed class SkipTests : IDisposable
{
    private static readonly string Skipped = ContentFolders.Say(JourneyStrings.Skipped);

    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JournalEntry> OnlyEntryAsync()
        => Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));

    [Theory]
    [InlineData("skip")]
    [InlineData("Skip this one")]
    [InlineData("pass")]
    [InlineData("next question")]
    public async Task SkippingATextQuestionSaysSoKeepsNoAnswerAndGoesOn(string skip)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "6");
        var replies = BotClient.Read(await bot.SayAsync(skip));
        Assert.Contains(Skipped, replies, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Prompts("daily-check-in", "on-mind"), p => replies.Contains(p, StringComparison.Ordinal));
        await bot.SayAllAsync("the garden", "yes");
        var entry = await OnlyEntryAsync();
        Assert.False(entry.Answers.ContainsKey("feelings"), "a skipped question is not an answer");
        Assert.False(entry.Questions?.ContainsKey("feelings") ?? false, "nor is its wording kept");
        Assert.Equal("the garden", entry.Answers["on-mind"]);
    }

    [Fact]
    public async Task SkippingAScaleQuestionMovesOnInsteadOfAskingAgain()
    {
        var bot = _host.Client();
        await bot.SayAsync("thought record");
        await bot.SayAsync("a friend didn't reply; hurt");
        var replies = BotClient.Read(await bot.SayAsync("skip"));
        Assert.Contains(Skipped, replies, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Prompts("thought-record", "thought"), p => replies.Contains(p, StringComparison.Ordinal));
        Assert.DoesNotContain(ContentFolders.Prompts("thought-record", "strength-before"), p => replies.Contains(p, StringComparison.Ordinal));
        await bot.SayAllAsync("she's tired of me", "she took ages", "she asked me to dinner", "she's busy", "3", "yes");
        var entry = await OnlyEntryAsync();
        Assert.False(entry.Answers.ContainsKey("strength-before"));
        Assert.Equal("3", entry.Answers["strength-after"]);
    }

    [Fact]
    public async Task ASkippedQuestionStillCountsAsAskedInHelp()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("thought record", "skip", "skip");
        var help = BotClient.Read(await bot.SayAsync("help"));
        Assert.Contains("question 3 of 7", help, StringComparison.Ordinal);
        Assert.Contains("\"skip\"", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerThatOnlyContainsSkipIsStillAnAnswer()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "6", "I skip breakfast when I'm tense", "work", "yes");
        var entry = await OnlyEntryAsync();
        Assert.Equal("I skip breakfast when I'm tense", entry.Answers["feelings"]);
    }
}
