using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels;
using ReflectBot.Channels.Teams;
using ReflectBot.Content;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Teams;

public sealed class ReplyShapingTests
{
    private static readonly StringCatalog Strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;

    [Fact]
    public void AReplyFarOverTheSizeLimitBecomesAFewMessagesEachUnderItAndEndsWithANote()
    {
        var paragraph = string.Concat(Enumerable.Repeat("I wrote about the week, and the long walk home. ", 40));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 200)); // about 400 KB
        var parts = ReplySize.Fit(MessageFactory.Text(text) as Activity ?? throw new InvalidOperationException(), Strings);

        Assert.Equal(ReplySize.MaxParts, parts.Count);
        Assert.All(parts, p => Assert.True(ReplySize.BytesOf(p) <= ReplySize.MaxActivityBytes));
        Assert.Equal(Strings[TeamsStrings.Shortened], parts[^1].Text);
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("long walk home.", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void AReplyJustOverTheTextLimitIsSplitInTwoWithNothingLost()
    {
        var words = string.Join(' ', Enumerable.Range(0, 6000).Select(i => $"w{i}"));
        var parts = ReplySize.Fit((Activity)MessageFactory.Text(words), Strings);
        Assert.Equal(2, parts.Count);
        Assert.Equal(words, parts[0].Text + " " + parts[1].Text);
    }

    [Fact]
    public void ASmallReplyIsLeftAlone()
    {
        var reply = (Activity)MessageFactory.Text("Saved to your journal.");
        Assert.Same(reply, Assert.Single(ReplySize.Fit(reply, Strings)));
    }

    [Fact]
    public void FourSuggestedActionsInTeamsBecomeAHeroCard()
    {
        var reply = (Activity)MessageFactory.SuggestedActions(new[] { "a", "b", "c", "d" }, "Pick one", null, null);
        TeamsRendering.Fit(reply);
        Assert.Null(reply.SuggestedActions);
        var card = Assert.Single(reply.Attachments);
        Assert.Equal(HeroCard.ContentType, card.ContentType);
        Assert.Equal("Pick one", ((HeroCard)card.Content).Text);
    }

    [Fact]
    public void AnAdaptiveCardAboveOneFiveIsServedAsOneFive()
    {
        var reply = (Activity)MessageFactory.Attachment(new Attachment(TeamsRendering.AdaptiveCardContentType, content: JObject.Parse("""{"type":"AdaptiveCard","version":"1.6","body":[]}""")));
        TeamsRendering.Fit(reply);
        Assert.Equal("1.5", ((JObject)reply.Attachments[0].Content).Value<string>("version"));
    }

    [Theory]
    [InlineData(0, null, 100)]
    [InlineData(2, null, 400)]
    [InlineData(10, null, 2000)]
    [InlineData(0, 1, 1000)]
    [InlineData(0, 60, 2000)]
    public void TheBackOffDoublesHonoursRetryAfterAndIsCapped(int attempt, int? retryAfterSeconds, int expectedMs)
    {
        var settings = new ConnectorRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) };
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ConnectorRetryHandler.DelayFor(response, attempt, settings, DateTimeOffset.UnixEpoch));
    }
}
