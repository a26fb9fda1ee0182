using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Tests.Support;
using UglyToad.PdfPig;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Between sessions, over HTTP with channel tokens: the pre-session summary card, its notes export as PDF and
/// Markdown through signed links, "bring this to my session", replies to shared entries and the session date.
/// </summary>
public sealed class SessionTests : IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private readonly BotClient _a;
    private readonly BotClient _b;
    private readonly BotClient _sam;

    public SessionTests()
    {
        _host = new ClinicHost(_time);
        _a = _host.User(ClinicHost.ClinicianA, "Dr A");
        _b = _host.User(ClinicHost.ClinicianB, "Dr B");
        _sam = _host.User("client-1", "Sam");
    }

    public void Dispose() => _host.Dispose();

    private async Task<JournalEntry> SharedCheckInAsync()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());
        _time.Advance(TimeSpan.FromDays(1));
        await _sam.CheckInAsync(4, "my sister's visit");
        _time.Advance(TimeSpan.FromDays(1));
        await _sam.CheckInAsync(6, "work was long");
        Assert.Contains("Shared", await _sam.ReadAsync("share entry 1"), StringComparison.Ordinal);
        return (await _host.Get<IJournalStore>().ListAsync(_sam.Key))[0];
    }

    private static JObject Card(IEnumerable<Activity> replies)
        => (JObject)Assert.Single(replies.SelectMany(r => r.Attachments ?? []), a => a.ContentType == SummaryCard.ContentType).Content;

    private static string Texts(JObject card) => string.Join("\n", card.SelectTokens("$..text").Select(t => t.ToString()));

    [Fact]
    public async Task TheSummaryIsOneAdaptiveCardWithTheQuestionsAsAskedTheChartWithAltTextAndWhatTheClientFlagged()
    {
        var shared = await SharedCheckInAsync();
        Assert.Contains("Noted for your next session with Dr A", await _sam.ReadAsync("bring this to my session: the argument with my sister"), StringComparison.Ordinal);

        var card = Card(await _a.SayAsync("summary for Sam"));
        Assert.Equal("1.5", card.Value<string>("version"));
        Assert.Contains("Summary for Sam", card.Value<string>("speak"), StringComparison.Ordinal);
        var text = Texts(card);

        // Answers under the questions as they were asked that day, never under step ids.
        Assert.NotNull(shared.Questions);
        Assert.Equal(shared.Answers.Keys.Order(), shared.Questions!.Keys.Order());
        foreach (var (step, question) in shared.Questions)
        {
            Assert.Contains(question, text, StringComparison.Ordinal);
            Assert.DoesNotContain(step + ":", text, StringComparison.Ordinal);
        }

        Assert.Contains("work was long", text, StringComparison.Ordinal);
        Assert.DoesNotContain("my sister's visit", text, StringComparison.Ordinal);
        Assert.Contains("Mood: 2 scores, latest 6 out of 10.", text, StringComparison.Ordinal);
        Assert.Contains("the argument with my sister", text, StringComparison.Ordinal);

        // "open entry" too reads the question that was asked, not the step's id.
        var opened = await _a.ReadAsync("open entry 1.1");
        Assert.Contains(shared.Questions.Values.Last(), opened, StringComparison.Ordinal);
        Assert.DoesNotContain(shared.Answers.Keys.Last() + ":", opened, StringComparison.Ordinal);
        var image = card.SelectTokens("$..body[?(@.type == 'Image')]").Cast<JObject>().Single();
        Assert.StartsWith("data:image/png;base64,", image.Value<string>("url"), StringComparison.Ordinal);
        Assert.Contains("Mood chart for Sam, 2 scores", image.Value<string>("altText"), StringComparison.Ordinal);

        // Clinician B has no link to Sam: nothing, not even that Sam exists.
        var toB = await _b.SayAsync("summary for Sam");
        Assert.DoesNotContain(toB.SelectMany(r => r.Attachments ?? []), a => a.ContentType == SummaryCard.ContentType);
        Assert.Contains("no connected client called Sam", BotClient.Read(toB), StringComparison.Ordinal);
        Assert.Null(await _host.Get<SessionSummaries>().BuildAsync(_b.Key, _sam.Key));
    }

    [Fact]
    public async Task UnsharedScopesStayOutOfTheSummary()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), completion: false, mood: false, shared: false);
        await _sam.CheckInAsync(3, "a private thought");
        var text = Texts(Card(await _a.SayAsync("summary for Sam")));
        Assert.Contains("Sam does not share mood with you.", text, StringComparison.Ordinal);
        Assert.Contains("Sam does not share entries with you.", text, StringComparison.Ordinal);
        Assert.Contains("Sam does not share completion with you.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a private thought", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotesExportIsAPdfWhoseTextReadsBackAndMarkdownAndTheLinksDieWithTheLink()
    {
        await SharedCheckInAsync();
        var card = (JObject)Assert.Single(await _a.SayAsync("export summary for Sam")).Attachments[0].Content;
        var links = card["buttons"]!.Select(b => b.Value<string>("value")!).ToList();
        Assert.Equal(2, links.Count);

        var http = _host.CreateClient();
        var pdf = await http.GetAsync(new Uri(links[0]));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(bytes))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Summary for Sam", words, StringComparison.Ordinal);
            Assert.Contains("work was long", words, StringComparison.Ordinal);
            Assert.Contains("Shared entries", words, StringComparison.Ordinal);
            Assert.NotEmpty(document.GetPage(1).GetImages());
        }

        var markdown = await http.GetStringAsync(new Uri(links[1]));
        Assert.StartsWith("# Summary for Sam", markdown, StringComparison.Ordinal);
        Assert.Contains("work was long", markdown, StringComparison.Ordinal);

        // A notes link is not a journal link, and the reads are authorized again at download.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(links[1].Replace("/clinic/notes/", "/journal/export/", StringComparison.Ordinal)))).StatusCode);
        await _sam.ReadAsync("disconnect");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(links[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(links[1]))).StatusCode);
    }

    [Fact]
    public async Task AReplyToASharedEntryIsShownOnceToTheClientAsANoteNotAChatAndARiskyOneIsHeld()
    {
        await SharedCheckInAsync();
        Assert.Contains("Please keep a reply", await _a.ReadAsync("reply to entry 1.1: " + new string('x', 300)), StringComparison.Ordinal);
        // The turn's own safety screen or the reply's screen: either way, never saved or passed on.
        Assert.DoesNotContain("Saved", await _a.ReadAsync("reply to entry 1.1: do you still want to die?"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ClinicStore>().ListValuesAsync<EntryReply>(ClinicKeys.RepliesOf(_sam.Key)));
        Assert.DoesNotContain("Saved", await _b.ReadAsync("reply to entry 1.1: hello"), StringComparison.Ordinal);
        Assert.Contains("Saved. Sam will see it", await _a.ReadAsync("reply to entry 1.1: Thank you for writing this; let's look at it together."), StringComparison.Ordinal);

        var next = await _sam.ReadAsync("hello");
        Assert.Contains("Dr A left a note about your entry \"Daily check-in\": \"Thank you for writing this; let's look at it together.\"", next, StringComparison.Ordinal);
        Assert.Contains("not a chat with Dr A", next, StringComparison.Ordinal);
        Assert.DoesNotContain("want to die", next, StringComparison.Ordinal);
        Assert.DoesNotContain("left a note", await _sam.ReadAsync("hello"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionDateCountsTheSummaryFromTheLastSessionAndDeleteMyDataRemovesTheNewRecords()
    {
        await SharedCheckInAsync();
        Assert.Contains("Next session with Sam: Thu 23 Oct 2025 10:00", await _a.ReadAsync("next session for Sam on 23 Oct 2025 10:00"), StringComparison.Ordinal);
        Assert.Contains("has passed", await _a.ReadAsync("next session for Sam on 1 Oct 2025 10:00"), StringComparison.Ordinal);
        Assert.Contains("Next session: Thu 23 Oct 2025 10:00", Texts(Card(await _a.SayAsync("summary for Sam"))), StringComparison.Ordinal);

        // After that session, a new date: the summary now starts at the session that passed.
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 24, 9, 0, 0, TimeSpan.Zero));
        await _a.ReadAsync("next session for Sam on 30 Oct 2025 10:00");
        var text = Texts(Card(await _a.SayAsync("summary for Sam")));
        Assert.Contains("Since 23 Oct 2025", text, StringComparison.Ordinal);
        Assert.DoesNotContain("work was long", text, StringComparison.Ordinal);

        await _sam.ReadAsync("bring this to my session");
        await _a.ReadAsync("reply to entry 1.1: Noted.");
        var store = _host.Get<ClinicStore>();
        Assert.NotEmpty(await store.ListValuesAsync<SessionFlag>(ClinicKeys.FlagsOf(_sam.Key)));
        await _sam.ReadAsync("delete my data");
        await _sam.ReadAsync("yes");
        Assert.Empty(await store.ListValuesAsync<SessionFlag>(ClinicKeys.FlagsOf(_sam.Key)));
        Assert.Empty(await store.ListValuesAsync<EntryReply>(ClinicKeys.RepliesOf(_sam.Key)));
        Assert.Empty(await store.ListValuesAsync<SessionDate>(ClinicKeys.SessionsOf(_sam.Key)));
    }
}
