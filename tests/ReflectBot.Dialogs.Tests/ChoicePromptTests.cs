using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class ChoicePromptTests
{
    private const string Question = "What's weighing on you most?";

    private static readonly Choice[] Topics =
    [
        new("Work"),
        new("Sleep", ["tired", "insomnia"]),
        new("Rejection & abandonment"),
        new("Home"),
    ];

    private static AskOnce AskForTopic() => new(
        new ChoicePrompt("topic", Wording.English),
        new PromptOptions { Prompt = Question, Choices = Topics },
        result => result is FoundChoice found ? $"Topic: {found.Value} (by {found.MatchedBy})" : "No topic");

    [Theory]
    [InlineData("2", "Sleep (by number)")]
    [InlineData("two", "Sleep (by number)")]
    [InlineData("the second one", "Sleep (by ordinal)")]
    [InlineData("number 3", "Rejection & abandonment (by number)")]
    public Task ChoiceIsPickedByItsPosition(string userSays, string picked)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply($"Topic: {picked}")
            .StartTestAsync();

    [Theory]
    [InlineData("Sleep")]
    [InlineData("sleep")]
    [InlineData("SLEEP!")]
    [InlineData("  sleep. ")]
    public Task ChoiceIsPickedByTitleWhateverTheCaseOrPunctuation(string userSays)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Topic: Sleep (by value)")
            .StartTestAsync();

    [Theory]
    [InlineData("rejection and abandonment")]
    [InlineData("REJECTION & ABANDONMENT.")]
    public Task ChoiceTitleWithPunctuationIsPickedWithoutIt(string userSays)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply(reply => Assert.StartsWith("Topic: Rejection & abandonment", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

    [Fact]
    public Task ChoiceIsPickedBySynonym()
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send("Insomnia").AssertReply("Topic: Sleep (by synonym)")
            .StartTestAsync();

    [Theory]
    [InlineData("mostly work I guess", "Work (by value)")]
    [InlineData("I'm so tired all the time", "Sleep (by synonym)")]
    public Task ChoiceIsPickedByAWordInsideASentence(string userSays, string picked)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply($"Topic: {picked}")
            .StartTestAsync();

    [Fact]
    public Task ChoiceNamedInsideALongerChoiceGivesWayToTheLongerOne()
        => TestBot.Flow(new AskOnce(
                new ChoicePrompt("kind", Wording.English),
                new PromptOptions { Prompt = "Which kind?", Choices = [new("Stress"), new("Work stress")] },
                result => $"Kind: {((FoundChoice)result!).Value}"))
            .Send("hi").AssertReply("Which kind?")
            .Send("it's work stress mostly").AssertReply("Kind: Work stress")
            .StartTestAsync();

    private const string Retry = "Please pick one of these, by name or number: 1. Work, 2. Sleep, 3. Rejection & abandonment, 4. Home.";

    [Theory]
    [InlineData("work and home")]
    [InlineData("work, and sleep too")]
    [InlineData("home? or maybe insomnia")]
    public Task ChoicePicksNothingWhenTheMessageNamesTwo(string userSays)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply(Retry)
            .Send("Home").AssertReply("Topic: Home (by value)")
            .StartTestAsync();

    [Fact]
    public Task SleptTwoHoursIsNotChoiceTwo()
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send("I slept 2 hours").AssertReply(Retry)
            .StartTestAsync();

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("the weather")]
    public Task ChoicePicksNothingFromAnUnrelatedMessage(string userSays)
        => TestBot.Flow(AskForTopic())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply(Retry)
            .StartTestAsync();
}
