using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class NumberPromptTests
{
    private const string Question = "How many hours did you sleep?";

    private static AskOnce AskForHours() => new(
        new NumberPrompt("hours", Wording.English),
        new PromptOptions { Prompt = Question },
        result => $"Hours: {result}");

    [Theory]
    [InlineData("6", "6")]
    [InlineData("six", "6")]
    [InlineData("7.5", "7.5")]
    [InlineData("about 5 hours", "5")]
    public Task NumberAcceptsDigitsAndWords(string userSays, string hours)
        => TestBot.Flow(AskForHours())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply($"Hours: {hours}")
            .StartTestAsync();

    [Theory]
    [InlineData("not many")]
    [InlineData("3 or 4")]
    public Task NumberRejectsAnAnswerWithoutOneNumber(string userSays)
        => TestBot.Flow(AskForHours())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Please answer with a number, like 3 or three.")
            .Send("4").AssertReply("Hours: 4")
            .StartTestAsync();
}
