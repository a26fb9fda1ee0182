using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>help, cancel/stop and menu at any step of a journey.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task HelpSaysWhereYouAreAndAsksTheQuestionAgain()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        await bot.SayAsync("4");
        var help = BotClient.Read(await bot.SayAsync("help"));
        Assert.Contains("daily check-in, question 2 of 3", help, StringComparison.Ordinal);
        Assert.Contains("cancel", help, StringComparison.Ordinal);
        Assert.Contains("feeling", help, StringComparison.OrdinalIgnoreCase);

        // The journey carries on from the same question.
        Assert.Contains("?", BotClient.Read(await bot.SayAsync("restless")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("stop")]
    [InlineData("Stop!")]
    public async Task CancelEndsTheJourneyAndSavesNothing(string word)
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        await bot.SayAsync("4");
        await bot.SayAsync("restless");
        var stopped = BotClient.Read(await bot.SayAsync(word));
        Assert.Contains("stopped the daily check-in", stopped, StringComparison.Ordinal);
        Assert.Contains("Nothing from it was saved", stopped, StringComparison.Ordinal);

        Assert.Empty(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));

        // Afterwards "5" is not taken as an answer to anything.
        Assert.Contains("not sure what you mean", BotClient.Read(await bot.SayAsync("5")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerThatContainsAStopWordIsStillAnAnswer()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        await bot.SayAsync("4");
        await bot.SayAsync("anxious");
        var next = BotClient.Read(await bot.SayAsync("I can't stop thinking about work"));
        Assert.Contains("save", next, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MenuShowsTheJourneysAndKeepsTheJourneyOpen()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var menu = BotClient.Read(await bot.SayAsync("menu"));
        Assert.Contains("Daily check-in", menu, StringComparison.Ordinal);
        Assert.Contains("back", menu, StringComparison.Ordinal);

        Assert.Contains("0 to 10", BotClient.Read(await bot.SayAsync("back")), StringComparison.Ordinal);
        Assert.Contains("feeling", BotClient.Read(await bot.SayAsync("8")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AskingIfItIsABotGetsAStraightAnswer()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var answer = BotClient.Read(await bot.SayAsync("am I talking to a human?"));
        Assert.Contains("automated companion", answer, StringComparison.Ordinal);
        Assert.Contains("0 to 10", answer, StringComparison.Ordinal);
    }
}
