using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Conversation;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// Questions, with nothing in progress, are answered or honestly not, never thanked as something on the person's mind
/// (usability test ux1: "what can you do" got "Thank you for telling me"); and the first message of someone never
/// welcomed, whatever it is, comes after what the bot is.
/// </summary>
public sealed class QuestionsTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static readonly string Thanks = "Thank you for telling me";

    private string CardTitle(string id) => _host.Services.GetRequiredService<CardCatalog>().Find(id)!.Title;

    [Theory]
    [InlineData("what can you do")]
    [InlineData("what can you do?")]
    [InlineData("what is this thing for anyway")]
    public async Task AskingWhatTheBotDoesGetsHelp(string asked)
    {
        var text = await (await IdleClientAsync()).ReadAsync(asked);

        Assert.DoesNotContain(Thanks, text, StringComparison.Ordinal);
        Assert.Contains("I'm an automated journaling companion. You can type", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is secure attachment", "secure-attachment")]
    [InlineData("what is secure attachment?", "secure-attachment")]
    [InlineData("tell me about secure attachment", "secure-attachment")]
    public async Task WhatIsATopicGetsItsCard(string asked, string card)
    {
        var replies = await (await IdleClientAsync()).SayAsync(asked);

        Assert.DoesNotContain(Thanks, BotClient.Read(replies), StringComparison.Ordinal);
        Assert.Equal([CardTitle(card)], Replies.CardTitles(replies));
    }

    [Fact]
    public async Task TellMeAboutAnxiousAttachmentStaysWithAttachmentNotTheGroundingCard()
    {
        var replies = await (await IdleClientAsync()).SayAsync("tell me about anxious attachment");

        var titles = Replies.CardTitles(replies);
        Assert.DoesNotContain(CardTitle("grounding"), titles);
        var attachment = _host.Services.GetRequiredService<CardCatalog>().WithTag("attachment").Select(c => c.Title).ToList();
        Assert.Contains("attachment", BotClient.Read(replies), StringComparison.OrdinalIgnoreCase);
        Assert.All(titles, t => Assert.Contains(t, attachment));
    }

    [Theory]
    [InlineData("what is the capital of peru?")]
    [InlineData("how do i change the colour of this page?")]
    [InlineData("why is the sky blue")]
    public async Task AnUnknownQuestionIsNotThankedButAnsweredHonestlyWithWhatTheBotCanDo(string asked)
    {
        var text = await (await IdleClientAsync()).ReadAsync(asked);

        Assert.DoesNotContain(Thanks, text, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ConversationStrings.NotSureQuestion), text, StringComparison.Ordinal);
        Assert.Contains("\"check in\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("why do I always push people away?")]
    [InlineData("is it normal to feel this jealous")]
    [InlineData("what's wrong with me")]
    public async Task AQuestionAboutOneselfIsMetWithAPageToExploreItNotWithIDontKnow(string asked)
    {
        var text = await (await IdleClientAsync()).ReadAsync(asked);

        Assert.StartsWith(ContentFolders.Say(ConversationStrings.SelfQuestion, ("freeWrite", "free write"), ("checkIn", "check in"))[..30], text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.NotSureQuestion), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomethingSaidThatIsNoQuestionIsStillThanked()
    {
        Assert.Contains(Thanks, await (await IdleClientAsync()).ReadAsync("I had a rough day with my mum"), StringComparison.Ordinal);
    }

    /// <summary>A client past the welcome's check-in, with nothing in progress.</summary>
    private async Task<BotClient> IdleClientAsync()
    {
        var bot = _host.Client();
        await bot.SayAsync("hi");
        await bot.SayAsync("cancel");
        return bot;
    }
}
