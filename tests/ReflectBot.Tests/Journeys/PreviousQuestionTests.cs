using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Journeys;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>
/// "previous question" (the usability test's "go back"): the question before comes again, its old answer is set
/// aside, and whatever that answer set off (a branch, an offer, the mood) goes with it; the other answers stay.
/// </summary>
public sealed class PreviousQuestionTests : IDisposable
{
    private static readonly string SteppedBack = ContentFolders.Say(JourneyStrings.SteppedBack);
    private static readonly string NothingBefore = ContentFolders.Say(JourneyStrings.NothingBefore);

    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static bool Asks(string replies, string step) => ContentFolders.Asks(replies, "daily-check-in", step);

    private async Task<JournalEntry> OnlyEntryAsync()
        => Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));

    [Theory]
    [InlineData("previous question")]
    [InlineData("go back a question")]
    [InlineData("Change my last answer")]
    [InlineData("undo")]
    [InlineData("can I change my answer?")]
    public async Task TheQuestionBeforeComesAgainAndTheNewAnswerIsTheOneKept(string words)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "6", "tired and flat");
        var replies = BotClient.Read(await bot.SayAsync(words));
        Assert.Contains(SteppedBack, replies, StringComparison.Ordinal);
        Assert.True(Asks(replies, "feelings"), replies);
        Assert.False(Asks(replies, "on-mind"), "the open question is left, not asked again");

        Assert.True(Asks(BotClient.Read(await bot.SayAsync("calmer than I said")), "on-mind"));
        await bot.SayAllAsync("the garden", "yes");
        var entry = await OnlyEntryAsync();
        Assert.Equal("calmer than I said", entry.Answers["feelings"]);
        Assert.Equal("the garden", entry.Answers["on-mind"]);
        Assert.Equal(6, entry.Mood);
    }

    [Fact]
    public async Task AtTheFirstQuestionItSaysThereIsNothingBeforeAndAsksItAgain()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var replies = BotClient.Read(await bot.SayAsync("previous question"));
        Assert.Contains(NothingBefore, replies, StringComparison.Ordinal);
        Assert.True(Asks(replies, "mood"), replies);
        await bot.SayAllAsync("4", "ok");
        var help = BotClient.Read(await bot.SayAsync("help"));
        Assert.Contains("question 3 of 3", help, StringComparison.Ordinal);
        Assert.Contains("\"previous question\"", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepsBackUndoWhatTheOldAnswerSetOffABranchAnOfferAndTheMood()
    {
        var bot = _host.Client();

        // A mood of 1 goes to the gentle check, and would offer self-soothing at the end.
        var replies = BotClient.Read(await bot.SayAsync("check in"));
        replies = BotClient.Read(await bot.SayAsync("1"));
        Assert.True(Asks(replies, "low-check"), replies);
        Assert.True(Asks(BotClient.Read(await bot.SayAsync("not sure")), "low-support"));

        // Back from the support question to the check, then back to the mood: each step goes one question back
        // along the way actually walked, not one step back in the file.
        Assert.True(Asks(BotClient.Read(await bot.SayAsync("previous question")), "low-check"));
        Assert.True(Asks(BotClient.Read(await bot.SayAsync("previous question")), "mood"));

        // A mood of 7 goes straight to the feelings; the branch and the offer of the 1 are gone.
        replies = BotClient.Read(await bot.SayAsync("7"));
        Assert.True(Asks(replies, "feelings"), replies);
        await bot.SayAllAsync("steady", "not much");
        var closing = BotClient.Read(await bot.SayAsync("yes"));
        Assert.Contains("Free journaling", closing, StringComparison.Ordinal);
        Assert.DoesNotContain("Self-soothing practice", closing, StringComparison.Ordinal);

        var entry = await OnlyEntryAsync();
        Assert.Equal(7, entry.Mood);
        Assert.False(entry.Answers.ContainsKey("low-check"), "the check's answer went with the mood that led to it");
        Assert.Equal("steady", entry.Answers["feelings"]);
    }

    [Fact]
    public async Task FromTheSaveQuestionItGoesBackToTheLastQuestion()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "6", "tired", "work");
        var replies = BotClient.Read(await bot.SayAsync("change my last answer"));
        Assert.Contains(SteppedBack, replies, StringComparison.Ordinal);
        Assert.True(Asks(replies, "on-mind"), replies);
        await bot.SayAllAsync("my sister, mostly", "yes");
        var entry = await OnlyEntryAsync();
        Assert.Equal("my sister, mostly", entry.Answers["on-mind"]);
        Assert.Equal("tired", entry.Answers["feelings"]);
    }

    [Theory]
    [InlineData("I want to undo the whole argument")]
    [InlineData("the previous question made me think")]
    public async Task AnAnswerThatOnlyContainsTheWordsIsStillAnAnswer(string answer)
    {
        var bot = _host.Client();
        await bot.SayAllAsync("check in", "6", answer, "work", "yes");
        Assert.Equal(answer, (await OnlyEntryAsync()).Answers["feelings"]);
    }

    [Fact]
    public void AJourneyBegunBeforeTheTrailExistedCannotStepBackAndKeepsWhatItHas()
    {
        // As persisted by the build before "previous question": no trail.
        var values = JObject.Parse("""{"asked":2,"answers":{"feeling-now":"kept"},"cards":["the-intima"]}""");
        Assert.Null(JourneyProgress.StepBackFrom(values, 2));
        Assert.Equal("kept", values["answers"]?["feeling-now"]?.ToString());
        Assert.Equal(2, values.Value<int>("asked"));
    }

    [Fact]
    public void SteppingBackRestoresWhatWasKeptBeforeThatQuestionButNotTheOtherAnswers()
    {
        var values = new JObject();
        JourneyProgress.Arrive(values, 0);
        JourneyProgress.CountQuestion(values);
        JourneyProgress.Answers(values)["mood"] = "1";
        JourneyProgress.SetMood(values, 1);
        JourneyProgress.SkipTo(values, "low-check");
        JourneyProgress.Arrive(values, 2);
        JourneyProgress.ArriveAt(values);
        JourneyProgress.CountQuestion(values);
        JourneyProgress.Arrive(values, 2);

        Assert.Equal((0, true), JourneyProgress.StepBackFrom(values, 2));
        Assert.Null(JourneyProgress.Mood(values));
        Assert.Null(JourneyProgress.SkippingTo(values));
        Assert.Equal(0, JourneyProgress.Asked(values));
        Assert.Equal("1", JourneyProgress.Answers(values)["mood"]?.ToString());

        // At the first question there is nothing before: the same question, as it was before it was asked.
        Assert.Equal((0, false), JourneyProgress.StepBackFrom(values, 0));
    }
}
