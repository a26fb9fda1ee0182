using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>
/// The cards journeys show, over the real host (usability test ux1): the card at a journey's end offers no button back
/// into the journey just finished, and a card a journey showed is not shown by one again within a day.
/// </summary>
public sealed class CardRepeatsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture));
    private readonly BotHost _host;

    public CardRepeatsTests() => _host = new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(_time) };

    public void Dispose() => _host.Dispose();

    private string Title(string cardId) => _host.Services.GetRequiredService<CardCatalog>().Find(cardId)!.Title;

    private static readonly string[] Attachment = ["attachment", "unpredictable", "my grandmother", "people", "feeling mostly secure", "saying what I need sooner", "done", "yes"];

    [Fact]
    public async Task TheCardAtTheEndOfFearsOfIntimacyHasNoButtonThatStartsFearsOfIntimacyAgain()
    {
        var bot = _host.Client();
        await bot.SayAllAsync("fears", "I went quiet on a call", "losing control", "when he planned the whole weekend", "that it was safer to manage alone", "in my shoulders", "done");

        var end = await bot.SayAsync("yes");

        Assert.Equal([Title("fearing-what-we-long-for")], Replies.CardTitles(end));
        var buttons = end.SelectMany(ButtonTitles).ToList();
        Assert.DoesNotContain(buttons, b => b.Contains("Fears of intimacy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACardAJourneyShowedIsNotShownAgainTheSameDayButIsTheNext()
    {
        var bot = _host.Client();
        var first = Replies.CardTitles(await bot.SayAllAsync(Attachment));
        Assert.Equal([Title("soothed-early"), Title("secure-attachment"), Title("patterns-can-change")], first);

        _time.Advance(TimeSpan.FromHours(3));
        Assert.Empty(Replies.CardTitles(await bot.SayAllAsync(Attachment)));

        _time.Advance(TimeSpan.FromHours(22));
        Assert.Equal(first, Replies.CardTitles(await bot.SayAllAsync(Attachment)));
    }

    [Fact]
    public async Task ACardAskedForByNameIsShownWhateverAJourneyShowedBefore()
    {
        var bot = _host.Client();
        await bot.SayAllAsync(Attachment);

        Assert.Equal([Title("patterns-can-change")], Replies.CardTitles(await bot.SayAsync("tell me about patterns can change")));
    }

    private static IEnumerable<string> ButtonTitles(Activity reply)
        => (reply.Attachments ?? []).Select(a => a.Content as JObject ?? (a.Content is null ? null : JObject.FromObject(a.Content))).OfType<JObject>()
            .SelectMany(c => (c["buttons"] as JArray ?? []).Concat(c["actions"] as JArray ?? []))
            .Select(b => b.Value<string>("title") ?? string.Empty);
}
