using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Questionnaires over HTTP: the unscored difficulty question after the items, and item-level history for a
/// clinician only when the client agreed to share each answer (asked at consent time, changeable later).
/// </summary>
public sealed class MeasureAnswersTests : IDisposable
{
    private const string Difficulty = "how difficult have these problems made it for you";
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private readonly BotClient _a;
    private readonly BotClient _sam;

    public MeasureAnswersTests()
    {
        _host = new ClinicHost(_time);
        _a = _host.User(ClinicHost.ClinicianA, "Dr A");
        _sam = _host.User("client-sam", "Sam");
    }

    public void Dispose() => _host.Dispose();

    /// <summary>GAD-7 with the same answer to every item; returns what followed the last item.</summary>
    private async Task<string> Gad7Async(string answer)
    {
        Assert.Contains("Feeling nervous", await _sam.ReadAsync("gad-7"), StringComparison.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            await _sam.ReadAsync(answer);
        }

        return await _sam.ReadAsync(answer);
    }

    [Fact]
    public async Task TheDifficultyQuestionFollowsTheItemsUnscoredAndAConsentingClientsAnswersAreShownQuestionByQuestion()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), measureAnswers: true);

        Assert.Contains(Difficulty, await Gad7Async("Several days"), StringComparison.Ordinal);
        Assert.Contains("Your total is 7 out of 21", await _sam.ReadAsync("Somewhat difficult"), StringComparison.Ordinal);

        // Nothing above "Not at all": no difficulty question, straight to the total.
        _time.Advance(TimeSpan.FromDays(1));
        var none = await Gad7Async("Not at all");
        Assert.DoesNotContain(Difficulty, none, StringComparison.Ordinal);
        Assert.Contains("Your total is 0 out of 21", none, StringComparison.Ordinal);

        await _sam.ReadAsync("my journal");
        var entry = await _sam.ReadAsync("read 2");
        Assert.Contains("If you checked off any problems, how difficult", entry, StringComparison.Ordinal);
        Assert.Contains("Somewhat difficult", entry, StringComparison.Ordinal);

        var history = await _a.ReadAsync("gad-7 history for Sam");
        Assert.Contains("GAD-7 check-in, question by question, for Sam (taken 2 times):", history, StringComparison.Ordinal);
        Assert.Contains("Trouble relaxing: 20 Oct: Several days; 21 Oct: Not at all", history, StringComparison.Ordinal);
        Assert.Contains("get along with other people?: 20 Oct: Somewhat difficult", history, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ClinicStrings.HistoryNone, ("client", "Sam"), ("measure", "PHQ-9 check-in")), await _a.ReadAsync("phq-9 history for Sam"), StringComparison.Ordinal);

        // The pre-session summary shows the same answers under each question.
        var summary = await SummaryTextAsync();
        Assert.Contains("Trouble relaxing", summary, StringComparison.Ordinal);
        Assert.Contains("Somewhat difficult", summary, StringComparison.Ordinal);
    }

    private async Task<string> SummaryTextAsync()
    {
        var card = (Newtonsoft.Json.Linq.JObject)Assert.Single((await _a.SayAsync("summary for Sam")).SelectMany(r => r.Attachments ?? []), x => x.ContentType == SummaryCard.ContentType).Content;
        return string.Join("\n", card.SelectTokens("$..text"));
    }

    [Fact]
    public async Task WithoutConsentToEachAnswerTheHistoryIsRefusedNobodyElseGetsItAndTheClientCanAgreeLater()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), measureAnswers: false);
        await Gad7Async("Several days");
        await _sam.ReadAsync("Very difficult");

        var refused = await _a.ReadAsync("gad-7 history for Sam");
        Assert.Equal(ContentFolders.Say(ClinicStrings.HistoryNotShared, ("client", "Sam")), refused);
        var summary = await SummaryTextAsync();
        Assert.Contains("GAD-7", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Trouble relaxing", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Very difficult", summary, StringComparison.Ordinal);

        var b = _host.User(ClinicHost.ClinicianB, "Dr B");
        Assert.Equal(ContentFolders.Say(SessionStrings.NoSuchClient, ("name", "Sam")), await b.ReadAsync("gad-7 history for Sam"));
        var stranger = _host.User("stranger", "Nobody");
        Assert.Equal(ContentFolders.Say(ClinicStrings.OnlyClinicians), await stranger.ReadAsync("gad-7 history for Sam"));
        Assert.Equal(ContentFolders.Say(ClinicStrings.OnlyClinicians), await _sam.ReadAsync("gad-7 answers for Sam"));
        Assert.NotEqual(ContentFolders.Say(ClinicStrings.OnlyClinicians), await stranger.ReadAsync("my sleep history for the doctor"));

        // Changed later with "change sharing": the same question, asked exactly as at connecting.
        await _sam.ReadAsync("change sharing");
        await _sam.ReadAsync("yes");
        await _sam.ReadAsync("yes");
        Assert.Contains("may Dr A see your answer to each question", await _sam.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Contains("Updated", await _sam.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Contains("Trouble relaxing: 20 Oct: Several days", await _a.ReadAsync("gad-7 history for Sam"), StringComparison.Ordinal);

        // Mood and scores withdrawn: each answer goes with them.
        await _sam.ReadAsync("change sharing");
        await _sam.ReadAsync("yes");
        await _sam.ReadAsync("no");
        Assert.Contains("Updated", await _sam.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(ContentFolders.Say(ClinicStrings.HistoryNotShared, ("client", "Sam")), await _a.ReadAsync("gad-7 history for Sam"));
    }

    [Fact]
    public async Task PreviousQuestionInAQuestionnaireAsksTheItemBeforeAgainAndScoresTheNewAnswer()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), measureAnswers: true);
        Assert.Contains("(1/7)", await _sam.ReadAsync("gad-7"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectBot.Journeys.JourneyStrings.NothingBefore), await _sam.ReadAsync("previous question"), StringComparison.Ordinal);

        Assert.Contains("(2/7)", await _sam.ReadAsync("Nearly every day"), StringComparison.Ordinal);
        var back = await _sam.ReadAsync("change my last answer");
        Assert.Contains(ContentFolders.Say(ReflectBot.Journeys.JourneyStrings.SteppedBack), back, StringComparison.Ordinal);
        Assert.Contains("(1/7)", back, StringComparison.Ordinal);
        Assert.DoesNotContain("(2/7)", back, StringComparison.Ordinal);

        // Item 1 answered "Not at all" this time, the rest "Several days": 6, not 3 + 6.
        for (var i = 0; i < 6; i++)
        {
            await _sam.ReadAsync(i == 0 ? "Not at all" : "Several days");
        }

        var last = await _sam.ReadAsync("Several days");
        Assert.Contains(Difficulty, last, StringComparison.Ordinal);
        Assert.Contains("Your total is 6 out of 21", await _sam.ReadAsync("Somewhat difficult"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviousQuestionNeverGoesBackPastASafetyItemWhoseFollowUpsWereAsked()
    {
        // A measure whose safety item comes first (none shipped is so): answered "Not at all", no follow-ups, yet the
        // rule holds for whatever a safety item set off.
        var measure = """
            id: safety-first
            title: Safety first
            summary: Two questions.
            commands: [safety first]
            terms: A test measure.
            preamble: Over the last 2 weeks, how often?
            options:
              - { value: 0, label: Not at all }
              - { value: 1, label: Several days }
            items:
              - { id: harm, text: "Thoughts of hurting yourself", safety: true }
              - { id: sleep, text: "Trouble sleeping" }
            bands: [ { min: 0, max: 2 } ]
            """;
        using var host = new ClinicHost(ClinicHost.Clock(), settings: [("Content:Path", ContentFolders.With(("measures/safety-first.yaml", measure)))]);
        var sam = host.User("client-sam", "Sam");
        Assert.Contains("(1/2)", await sam.ReadAsync("safety first"), StringComparison.Ordinal);
        Assert.Contains("(2/2)", await sam.ReadAsync("Not at all"), StringComparison.Ordinal);
        var again = await sam.ReadAsync("previous question");
        Assert.Contains(ContentFolders.Say(ClinicStrings.MeasureCannotStepBack), again, StringComparison.Ordinal);
        Assert.Contains("(2/2)", again, StringComparison.Ordinal);
        Assert.DoesNotContain("(1/2)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviousQuestionInASafetyItemsFollowUpSaysWhyAndAsksTheFollowUpAgain()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), measureAnswers: true);
        await _sam.ReadAsync("phq-9");
        for (var i = 0; i < 8; i++)
        {
            await _sam.ReadAsync("Not at all");
        }

        var followUp = await _sam.ReadAsync("Several days");
        var again = await _sam.ReadAsync("previous question");
        Assert.Contains(ContentFolders.Say(ClinicStrings.MeasureCannotStepBack), again, StringComparison.Ordinal);

        // The same follow-up question comes again (its last line), not item 9 or the difficulty question.
        var question = followUp.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains(question, again, StringComparison.Ordinal);
        Assert.DoesNotContain("(9/9)", again, StringComparison.Ordinal);
    }
}
