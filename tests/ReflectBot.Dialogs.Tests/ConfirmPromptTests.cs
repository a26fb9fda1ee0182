using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class ConfirmPromptTests
{
    private const string Question = "Shall I save this to your journal?";

    private static AskOnce AskToSave() => new(
        new ConfirmPrompt("save", Wording.English),
        new PromptOptions { Prompt = Question },
        result => result is true ? "Saved." : "Not saved.");

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("y")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("yeah")]
    [InlineData("of course")]
    [InlineData("👍")]
    public Task ConfirmHearsYes(string userSays)
        => TestBot.Flow(AskToSave())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Saved.")
            .StartTestAsync();

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not now")]
    [InlineData("no thanks")]
    [InlineData("not ok")]
    public Task ConfirmHearsNo(string userSays)
        => TestBot.Flow(AskToSave())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Not saved.")
            .StartTestAsync();

    [Theory]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("what do you mean")]
    public Task ConfirmAsksAgainWhenTheAnswerIsNeither(string userSays)
        => TestBot.Flow(AskToSave())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Please answer yes or no.")
            .Send("yes").AssertReply("Saved.")
            .StartTestAsync();

    [Fact]
    public Task ConfirmOffersYesAndNoButtons()
        => TestBot.Flow(AskToSave())
            .Send("hi").AssertReply(question =>
                Assert.Equal(["Yes", "No"], question.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title)))
            .StartTestAsync();
}
