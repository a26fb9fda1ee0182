using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class ChoiceRenderingTests
{
    private const string Question = "Pick one";

    private static AskOnce AskAmong(params string[] values) => new(
        new ChoicePrompt("pick", Wording.English),
        new PromptOptions { Prompt = Question, Choices = [.. values.Select(v => new Choice(v))] },
        result => $"Picked {((FoundChoice?)result)?.Value}");

    [Theory]
    [InlineData(Channels.Test)]
    [InlineData(Channels.Webchat)]
    public Task ChoicesShowAsSuggestedActionsOnChannelsThatShowThem(string channelId)
        => TestBot.Flow(AskAmong("Work", "Sleep", "Family", "Health", "Money"), channelId)
            .Send("hi").AssertReply(question =>
            {
                var message = question.AsMessageActivity();
                Assert.Equal(Question, message.Text);
                Assert.Empty(message.Attachments ?? []);
                Assert.Equal(["Work", "Sleep", "Family", "Health", "Money"], message.SuggestedActions.Actions.Select(a => a.Value as string));
                Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .StartTestAsync();

    [Fact]
    public Task MoreThanThreeChoicesOnTeamsBecomeAHeroCardWithImBackButtons()
        => TestBot.Flow(AskAmong("Work", "Sleep", "Family", "Health"), Channels.Msteams)
            .Send("hi").AssertReply(question =>
            {
                var message = question.AsMessageActivity();
                Assert.Null(message.SuggestedActions);
                var attachment = Assert.Single(message.Attachments);
                Assert.Equal(HeroCard.ContentType, attachment.ContentType);
                Assert.Equal("application/vnd.microsoft.card.hero", attachment.ContentType);
                var card = JObject.FromObject(attachment.Content).ToObject<HeroCard>()!;
                Assert.Equal(Question, card.Text);
                Assert.Equal(["Work", "Sleep", "Family", "Health"], card.Buttons.Select(b => b.Value as string));
                Assert.All(card.Buttons, b => Assert.Equal(ActionTypes.ImBack, b.Type));
            })
            .Send("Health").AssertReply("Picked Health")
            .StartTestAsync();

    [Fact]
    public Task ThreeChoicesOnTeamsStaySuggestedActions()
        => TestBot.Flow(AskAmong("Work", "Sleep", "Family"), Channels.Msteams)
            .Send("hi").AssertReply(question =>
            {
                var message = question.AsMessageActivity();
                Assert.Empty(message.Attachments ?? []);
                Assert.Equal(3, message.SuggestedActions.Actions.Count);
            })
            .StartTestAsync();

    [Fact]
    public Task ChoiceRetryOnTeamsShowsTheCardAgain()
        => TestBot.Flow(AskAmong("Work", "Sleep", "Family", "Health"), Channels.Msteams)
            .Send("hi").AssertReply(question => Assert.Single(question.AsMessageActivity().Attachments))
            .Send("the weather").AssertReply(retry =>
            {
                var attachment = Assert.Single(retry.AsMessageActivity().Attachments);
                var card = JObject.FromObject(attachment.Content).ToObject<HeroCard>()!;
                Assert.StartsWith("Please pick one of these", card.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
}
