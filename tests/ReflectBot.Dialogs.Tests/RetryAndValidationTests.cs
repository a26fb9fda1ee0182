using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class RetryAndValidationTests
{
    private const string Question = "How many hours did you sleep?";

    private static AskOnce AskForHours(PromptOptions options, PromptValidator<double>? validator = null) => new(
        new NumberPrompt("hours", Wording.English, validator),
        options,
        result => result is null ? "Skipped." : $"Hours: {result}");

    [Fact]
    public Task CustomRetryPromptReplacesTheDefault()
        => TestBot.Flow(AskForHours(new PromptOptions { Prompt = Question, RetryPrompt = "Just the hours, as a number?" }))
            .Send("hi").AssertReply(Question)
            .Send("loads").AssertReply("Just the hours, as a number?")
            .Send("still loads").AssertReply("Just the hours, as a number?")
            .Send("8").AssertReply("Hours: 8")
            .StartTestAsync();

    [Fact]
    public Task PromptGivesUpAfterMaxAttemptsWithANullResult()
        => TestBot.Flow(AskForHours(new PromptOptions
            {
                Prompt = Question,
                MaxAttempts = 2,
                TooManyAttemptsMessage = "Let's leave that for now.",
            }))
            .Send("hi").AssertReply(Question)
            .Send("loads").AssertReply("Please answer with a number, like 3 or three.")
            .Send("loads").AssertReply("Let's leave that for now.")
            .AssertReply("Skipped.")
            .StartTestAsync();

    [Fact]
    public Task PromptAcceptsAGoodAnswerOnTheLastAttempt()
        => TestBot.Flow(AskForHours(new PromptOptions { Prompt = Question, MaxAttempts = 2, TooManyAttemptsMessage = "Let's leave that for now." }))
            .Send("hi").AssertReply(Question)
            .Send("loads").AssertReply("Please answer with a number, like 3 or three.")
            .Send("5").AssertReply("Hours: 5")
            .StartTestAsync();

    [Fact]
    public Task ValidatorRejectsAnImpossibleAnswerWithItsOwnMessageOnce()
        => TestBot.Flow(AskForHours(
                new PromptOptions { Prompt = Question, RetryPrompt = "How many hours, from 0 to 24?" },
                (context, _) =>
                {
                    if (context.Recognized.Value > 24)
                    {
                        context.RetryMessage = "A day only has 24 hours.";
                        return Task.FromResult(false);
                    }

                    return Task.FromResult(true);
                }))
            .Send("hi").AssertReply(Question)
            .Send("30").AssertReply("A day only has 24 hours.")
            .Send("loads").AssertReply("How many hours, from 0 to 24?")
            .Send("7").AssertReply("Hours: 7")
            .StartTestAsync();

    [Fact]
    public async Task ValidatorSeesTheAttemptCountGrow()
    {
        var attempts = new List<int>();
        await TestBot.Flow(AskForHours(
                new PromptOptions { Prompt = Question },
                (context, _) =>
                {
                    attempts.Add(context.AttemptCount);
                    context.RetryMessage = $"Attempt {context.AttemptCount} wasn't it.";
                    return Task.FromResult(context.AttemptCount >= 3);
                }))
            .Send("hi").AssertReply(Question)
            .Send("1").AssertReply("Attempt 1 wasn't it.")
            .Send("2").AssertReply("Attempt 2 wasn't it.")
            .Send("3").AssertReply("Hours: 3")
            .StartTestAsync();
        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public Task ValidatorCanGiveUpWithMaxAttempts()
        => TestBot.Flow(AskForHours(
                new PromptOptions { Prompt = Question, MaxAttempts = 2, TooManyAttemptsMessage = "Never mind." },
                (context, _) => Task.FromResult(context.Recognized.Value <= 24)))
            .Send("hi").AssertReply(Question)
            .Send("30").AssertReply("Please answer with a number, like 3 or three.")
            .Send("40").AssertReply("Never mind.")
            .AssertReply("Skipped.")
            .StartTestAsync();
}
