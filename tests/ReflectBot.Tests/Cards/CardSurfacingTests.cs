using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Cards;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Cards;

/// <summary>Cards come up three ways: by a journey answer (see the journey tests), by the words someone writes, and on request.</summary>
public sealed class CardSurfacingTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task WordsInATextAnswerBringUpTheCardWhoseKeywordsTheyUse()
    {
        var replies = await _host.Client().SayAllAsync("check in", "5", "restless", "my racing thoughts keep spiralling");
        Assert.Equal(["Grounding through the senses"], Replies.CardTitles(replies));
        Assert.Contains("save", BotClient.Read(replies.TakeLast(1)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AKeywordCardComesUpAtMostOncePerJourney()
    {
        var replies = await _host.Client().SayAllAsync("check in", "5", "overwhelmed", "racing thoughts, spiralling", "no");
        Assert.Equal(["Regulation and dysregulation"], Replies.CardTitles(replies));
    }

    [Fact]
    public async Task AnAnswerWithoutKeywordsShowsNoCard()
    {
        var replies = await _host.Client().SayAllAsync("check in", "7", "fine", "lunch with a friend");
        Assert.Empty(Replies.CardTitles(replies));
    }

    [Fact]
    public async Task LearnListsTheTopicsAsButtonsThatAskForThem()
    {
        var reply = Assert.Single(await _host.Client().SayAsync("learn"));
        var hero = Assert.Single(reply.Attachments);
        Assert.Equal(HeroCard.ContentType, hero.ContentType);
        var buttons = ((JObject)hero.Content)["buttons"]!.Select(b => b.Value<string>("value")).ToList();
        Assert.Contains("tell me about fears", buttons);
        Assert.Contains("tell me about attachment", buttons);
    }

    [Fact]
    public async Task TellMeAboutATopicShowsItsCardsAsAListOnWebChat()
    {
        // Web Chat's carousel cuts its cards at 320 px and scrolls sideways (WCAG 1.4.10), so a list there.
        var reply = Assert.Single(await _host.Client().SayAsync("tell me about attachment"));
        Assert.Equal(AttachmentLayoutTypes.List, reply.AttachmentLayout);
        Assert.True(reply.Attachments.Count >= 5, $"{reply.Attachments.Count} cards");
        Assert.All(reply.Attachments, a => Assert.StartsWith("tell me about ", ((JObject)a.Content)["buttons"]![0]!.Value<string>("value"), StringComparison.Ordinal));

        // Each button is named by its card, so a screen reader going through the list tells them apart.
        Assert.All(reply.Attachments, a => Assert.Equal($"Read: {((JObject)a.Content).Value<string>("title")}", ((JObject)a.Content)["buttons"]![0]!.Value<string>("title")));

        // Each button opens exactly its card.
        var first = (JObject)reply.Attachments[0].Content;
        var opened = await _host.Client().SayAsync(first["buttons"]![0]!.Value<string>("value"));
        Assert.Equal([first.Value<string>("title")!], Replies.CardTitles(opened));
    }

    [Theory]
    [InlineData("tell me about engulfment", "The fear of being swallowed up")]
    [InlineData("Tell me about the fear of guilt", "The fear of guilt")]
    [InlineData("tell me about secure attachment", "What secure attachment looks like")]
    [InlineData("learn about grounding", "Grounding through the senses")]
    public async Task TellMeAboutAThingOpensTheBestCard(string ask, string title)
    {
        var replies = await _host.Client().SayAsync(ask);
        Assert.Equal([title], Replies.CardTitles(replies));
    }

    [Fact]
    public async Task AskingAboutSomethingWithoutACardSaysSoKindly()
    {
        var reply = BotClient.Read(await _host.Client().SayAsync("tell me about quantum tax law"));
        Assert.Contains("don't have a card about \"quantum tax law\"", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACardAskedForMidJourneyLeavesTheJourneyOpen()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var replies = await bot.SayAsync("tell me about guilt");
        Assert.Equal(["The fear of guilt"], Replies.CardTitles(replies));
        Assert.Contains("still open", BotClient.Read(replies), StringComparison.Ordinal);
        Assert.Contains("0 to 10", BotClient.Read(await bot.SayAsync("back")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdaptiveCardsButtonPostsBackTextThatStartsItsJourney()
    {
        var bot = _host.Client();
        var card = Assert.Single(Assert.Single(await bot.SayAsync("tell me about engulfment")).Attachments);
        var data = (JObject)((JObject)card.Content)["actions"]![0]!["data"]!;

        // What Web Chat posts for an Action.Submit: no text, the data as the value.
        var submit = bot.Message(null);
        submit.Value = data;
        var replies = await bot.SendAsync(submit);
        var read = BotClient.Read(replies);
        Assert.True(read.Contains("pulled back", StringComparison.Ordinal) || read.Contains("arm's length", StringComparison.Ordinal), read);
    }

    [Fact]
    public async Task OnAChannelWithoutAdaptiveCardsACardIsAHeroCardWithItsJourneyButton()
    {
        var bot = _host.Client(channelId: "console");
        var reply = Assert.Single(await bot.SayAsync("tell me about engulfment"));
        var hero = Assert.Single(reply.Attachments);
        Assert.Equal(HeroCard.ContentType, hero.ContentType);
        var content = (JObject)hero.Content;
        Assert.Equal("The fear of being swallowed up", content.Value<string>("title"));
        Assert.Contains(ContentFolders.Say(CardStrings.Footer), content.Value<string>("text"), StringComparison.Ordinal);
        Assert.Equal("imBack", content["buttons"]![0]!.Value<string>("type"));
        // The journey's first command of more than one word: a one-word message mid-journey is that journey's answer.
        Assert.Equal("fears of intimacy", content["buttons"]![0]!.Value<string>("value"));
    }

    [Fact]
    public async Task OnAChannelWithoutCarouselsATopicIsOneCardOfButtons()
    {
        var reply = Assert.Single(await _host.Client(channelId: "console").SayAsync("tell me about fears"));
        Assert.NotEqual(AttachmentLayoutTypes.Carousel, reply.AttachmentLayout);
        var hero = Assert.Single(reply.Attachments);
        Assert.Equal(9, ((JObject)hero.Content)["buttons"]!.Count());
    }

    [Fact]
    public async Task ACardShownInsideItsOwnJourneyHasNoButtonToRestartIt()
    {
        var replies = await _host.Client().SayAllAsync("soothe", "9");
        var card = Assert.Single(replies.SelectMany(r => r.Attachments ?? []));
        Assert.Empty((JArray)((JObject)card.Content)["actions"]!);
    }
}
