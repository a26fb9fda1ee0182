using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class TextPromptTests
{
    private const string Question = "What's on your mind?";

    private static AskOnce AskWhatsUp() => new(
        new TextPrompt("whats-up", Wording.English),
        new PromptOptions { Prompt = Question },
        result => $"Noted: {result}");

    [Fact]
    public Task TextAcceptsAnyWordsTrimmed()
        => TestBot.Flow(AskWhatsUp())
            .Send("hi").AssertReply(Question)
            .Send("  work deadlines  ").AssertReply("Noted: work deadlines")
            .StartTestAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task TextRejectsAnEmptyMessage(string userSays)
        => TestBot.Flow(AskWhatsUp())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply("Could you put that in a few words?")
            .Send("sleep").AssertReply("Noted: sleep")
            .StartTestAsync();

    [Fact]
    public Task TextIgnoresATypingIndicatorAndKeepsWaiting()
        => TestBot.Flow(AskWhatsUp())
            .Send("hi").AssertReply(Question)
            .Send(new Activity(ActivityTypes.Typing)).AssertNoReply()
            .Send("family").AssertReply("Noted: family")
            .StartTestAsync();
}
