using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Cards;
using ReflectBot.Content;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Cards;

/// <summary>Both renderings of every shipped card are valid JSON of the expected content type, with the text, question, footer and a routable button.</summary>
public sealed class CardRendererTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(ContentFolders.Shipped);

    public static TheoryData<string> CardIds()
    {
        var data = new TheoryData<string>();
        foreach (var card in Library.Cards.All)
        {
            data.Add(card.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CardIds))]
    public void TheAdaptiveCardIsSchemaOnePointFiveWithBodyAndASubmitThatPostsTheJourneysCommand(string id)
    {
        var card = Library.Cards.Find(id)!;
        var journey = Library.Journeys.Find(card.Journey)!;
        var attachment = CardRenderer.Adaptive(card, journey, Library.Strings);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);

        // Round-trip through the wire format, as a channel would receive it.
        var json = JObject.Parse(JsonConvert.SerializeObject(attachment));
        var content = (JObject)json["content"]!;
        Assert.Equal("AdaptiveCard", content.Value<string>("type"));
        Assert.Equal("1.5", content.Value<string>("version"));
        var body = ((JArray)content["body"]!).Select(b => b.Value<string>("text")).ToList();
        Assert.Equal([card.Title, card.Text, card.Question, Library.Strings[CardStrings.Footer]], body);
        Assert.All(content["body"]!, b => Assert.Equal("TextBlock", b.Value<string>("type")));

        var action = Assert.Single((JArray)content["actions"]!);
        Assert.Equal("Action.Submit", action.Value<string>("type"));
        Assert.Equal(journey.StartCommand, action["data"]!.Value<string>("text"));
        Assert.Equal(journey, Library.Journeys.ByCommand(action["data"]!.Value<string>("text")));
    }

    [Theory]
    [MemberData(nameof(CardIds))]
    public void TheHeroCardCarriesTheTextQuestionFooterAndAnImBackToItsJourney(string id)
    {
        var card = Library.Cards.Find(id)!;
        var journey = Library.Journeys.Find(card.Journey)!;
        var json = JObject.Parse(JsonConvert.SerializeObject(CardRenderer.Hero(card, journey, Library.Strings)));
        Assert.Equal(HeroCard.ContentType, json.Value<string>("contentType"));
        var content = (JObject)json["content"]!;
        Assert.Equal(card.Title, content.Value<string>("title"));
        var text = content.Value<string>("text")!;
        Assert.Contains(card.Text, text, StringComparison.Ordinal);
        Assert.Contains(card.Question, text, StringComparison.Ordinal);
        Assert.EndsWith(Library.Strings[CardStrings.Footer], text, StringComparison.Ordinal);
        var button = Assert.Single((JArray)content["buttons"]!);
        Assert.Equal("imBack", button.Value<string>("type"));
        Assert.Equal(journey, Library.Journeys.ByCommand(button.Value<string>("value")));
    }

    [Fact]
    public void TheRenderingFollowsTheChannel()
    {
        var card = Library.Cards.Find("fear-engulfment")!;
        Assert.Equal(CardRenderer.AdaptiveContentType, CardRenderer.Render(card, Library.Journeys, Library.Strings, "msteams").Attachments[0].ContentType);
        Assert.Equal(CardRenderer.AdaptiveContentType, CardRenderer.Render(card, Library.Journeys, Library.Strings, "webchat").Attachments[0].ContentType);
        Assert.Equal(HeroCard.ContentType, CardRenderer.Render(card, Library.Journeys, Library.Strings, "sms").Attachments[0].ContentType);
    }

    [Fact]
    public void EveryCardIsSixtyToOneHundredTwentyWordsWithOneQuestion()
    {
        Assert.True(Library.Cards.All.Count >= 18);
        foreach (var card in Library.Cards.All)
        {
            var words = card.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 60, 120);
            Assert.Equal(1, card.Question.Count(c => c == '?'));
            Assert.NotEmpty(card.Tags);
            Assert.NotEmpty(card.Keywords);
        }
    }
}
