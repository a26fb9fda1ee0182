using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The labelled sets in dialogs/safety/evaluation and the machinery of evaluate-safety. The figures that
/// matter (cross-validated by author, and the test part's) come from the commands, not from these tests.
/// </summary>
public sealed class SafetyEvaluationTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "dialogs");

    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static List<LabelledMessage> Dev()
    {
        var errors = new List<ContentError>();
        var (dev, _) = SafetyEvaluation.LoadSets(Content, errors);
        Assert.Empty(errors);
        return dev;
    }

    [Fact]
    public void TheDevelopmentPartHasEveryLabelHardNegativesAndThreeAuthors()
    {
        var dev = Dev();
        Assert.True(dev.Count >= 400, $"{dev.Count} messages");
        foreach (var label in LabelledSet.Labels)
        {
            Assert.Contains(dev, m => m.Label == label);
        }

        Assert.True(dev.Count(m => m.Label == LabelledSet.None && m.Tag is "idiom" or "third-person" or "fiction" or "news" or "professional" or "study" or "everyday-word" or "recovery-milestone") >= 80);
        Assert.True(dev.GroupBy(m => m.Author).Count(g => g.Count() >= 50) >= 3);
    }

    [Fact]
    public void ABrokenLineOfALabelledSetIsReportedWithItsLine()
    {
        var folder = TempFolder.Create();
        var path = Path.Combine(folder, "set.tsv");
        File.WriteAllText(path, LabelledSet.Header + "\nx-1\tsuicidal\tdirect\t\tI want to die\nx-1\tsad\tdirect\t\tsomething\nx-3\tnone\n");
        var errors = new List<ContentError>();
        var messages = LabelledSet.Load(path, "set.tsv", errors);
        Assert.Single(messages);
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("unknown label 'sad'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("5 tab-separated columns", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTestFileIsReadApartAndOnlyTheEarlierRoundsFilesAreMarkedUsed()
    {
        var folder = ContentFolders.CopyOfShipped();
        var evaluation = Path.Combine(folder, "safety", "evaluation");
        foreach (var file in Directory.GetFiles(evaluation, "test*.tsv"))
        {
            File.Delete(file);
        }

        Assert.Empty(SafetyEvaluation.LoadSets(folder, []).Tests);
        File.WriteAllText(Path.Combine(evaluation, "test.tsv"), LabelledSet.Header + "\nt-1\tnone\teveryday\t\tI had a lovely walk\n");
        File.WriteAllText(Path.Combine(evaluation, "test-b.tsv"), LabelledSet.Header + "\ntb-1\tnone\teveryday\t\tSoup for tea again\n");
        File.WriteAllText(Path.Combine(evaluation, "test-a.tsv"), LabelledSet.Header + "\nta-1\tnone\teveryday\t\tThe bus was late\nta-1\tnone\teveryday\t\tsame id\n");
        File.WriteAllText(Path.Combine(evaluation, "test-d.tsv"), LabelledSet.Header + "\ntd-1\tnone\teveryday\t\tRain again\n");
        File.WriteAllText(Path.Combine(evaluation, "test-c.tsv"), LabelledSet.Header + "\ntc-1\tnone\teveryday\t\tNew shoes\n");
        File.WriteAllText(Path.Combine(evaluation, "test-f.tsv"), LabelledSet.Header + "\ntf-1\tnone\teveryday\t\tThe cat slept all day\n");
        File.WriteAllText(Path.Combine(evaluation, "test-e.tsv"), LabelledSet.Header + "\nte-1\tnone\teveryday\t\tToast for breakfast\n");
        File.WriteAllText(Path.Combine(evaluation, "test-h.tsv"), LabelledSet.Header + "\nth-1\tnone\teveryday\t\tThe hedge needs a trim\n");
        File.WriteAllText(Path.Combine(evaluation, "test-g.tsv"), LabelledSet.Header + "\ntg-1\tnone\teveryday\t\tA parcel came\n");
        File.WriteAllText(Path.Combine(evaluation, "test-j.tsv"), LabelledSet.Header + "\ntj-1\tnone\teveryday\t\tThe library was shut\n");
        File.WriteAllText(Path.Combine(evaluation, "test-i.tsv"), LabelledSet.Header + "\nti-1\tnone\teveryday\t\tWe planted beans\n");
        File.WriteAllText(Path.Combine(evaluation, "test-l.tsv"), LabelledSet.Header + "\ntl-1\tnone\teveryday\t\tThe post was early\n");
        File.WriteAllText(Path.Combine(evaluation, "test-k.tsv"), LabelledSet.Header + "\ntk-1\tnone\teveryday\t\tWe baked bread\n");
        File.WriteAllText(Path.Combine(evaluation, "test-m.tsv"), LabelledSet.Header + "\ntm-1\tnone\teveryday\t\tThe tram was full\n");
        File.WriteAllText(Path.Combine(evaluation, "test-o.tsv"), LabelledSet.Header + "\nto-1\tnone\teveryday\t\tThe ferry was calm\n");
        File.WriteAllText(Path.Combine(evaluation, "test-n.tsv"), LabelledSet.Header + "\ntn-1\tnone\teveryday\t\tWe fed the ducks\n");
        File.WriteAllText(Path.Combine(evaluation, "test-p.tsv"), LabelledSet.Header + "\ntp-1\tnone\teveryday\t\tThe clocks went back\n");
        File.WriteAllText(Path.Combine(evaluation, "test-r.tsv"), LabelledSet.Header + "\ntr-1\tnone\teveryday\t\tThe bins went out\n");
        File.WriteAllText(Path.Combine(evaluation, "test-q.tsv"), LabelledSet.Header + "\ntq-1\tnone\teveryday\t\tWe walked the dog\n");
        File.WriteAllText(Path.Combine(evaluation, "test-s.tsv"), LabelledSet.Header + "\nts-1\tnone\teveryday\t\tThe rain stopped\n");
        File.WriteAllText(Path.Combine(evaluation, "test-v.tsv"), LabelledSet.Header + "\ntv-1\tnone\teveryday\t\tThe kettle boiled\n");
        File.WriteAllText(Path.Combine(evaluation, "test-t.tsv"), LabelledSet.Header + "\ntt-1\tnone\teveryday\t\tWe swept the yard\n");
        File.WriteAllText(Path.Combine(evaluation, "test-u.tsv"), LabelledSet.Header + "\ntu-1\tnone\teveryday\t\tThe lift was broken\n");
        File.WriteAllText(Path.Combine(evaluation, "test-y.tsv"), LabelledSet.Header + "\nty-1\tnone\teveryday\t\tThe gate creaked\n");
        File.WriteAllText(Path.Combine(evaluation, "test-w.tsv"), LabelledSet.Header + "\ntw-1\tnone\teveryday\t\tWe painted the fence\n");
        File.WriteAllText(Path.Combine(evaluation, "test-x.tsv"), LabelledSet.Header + "\ntx-1\tnone\teveryday\t\tThe milk ran out\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ub.tsv"), LabelledSet.Header + "\nub-1\tnone\teveryday\t\tThe pond froze over\n");
        File.WriteAllText(Path.Combine(evaluation, "test-z.tsv"), LabelledSet.Header + "\ntz-1\tnone\teveryday\t\tThe bus came\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ua.tsv"), LabelledSet.Header + "\nua-1\tnone\teveryday\t\tWe mended the shed\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ue.tsv"), LabelledSet.Header + "\nue-1\tnone\teveryday\t\tThe geese flew over\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uc.tsv"), LabelledSet.Header + "\nuc-1\tnone\teveryday\t\tThe swings squeaked\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ud.tsv"), LabelledSet.Header + "\nud-1\tnone\teveryday\t\tWe raked the leaves\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ug.tsv"), LabelledSet.Header + "\nug-1\tnone\teveryday\t\tThe owl hooted\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uh.tsv"), LabelledSet.Header + "\nuh-1\tnone\teveryday\t\tWe stacked the logs\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uf.tsv"), LabelledSet.Header + "\nuf-1\tnone\teveryday\t\tThe tide went out\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uk.tsv"), LabelledSet.Header + "\nuk-1\tnone\teveryday\t\tThe heron stood still\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ui.tsv"), LabelledSet.Header + "\nui-1\tnone\teveryday\t\tWe oiled the hinges\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uj.tsv"), LabelledSet.Header + "\nuj-1\tnone\teveryday\t\tThe frost lifted\n");
        File.WriteAllText(Path.Combine(evaluation, "notes-test.tsv"), "not a labelled set");
        var errors = new List<ContentError>();
        var (_, tests) = SafetyEvaluation.LoadSets(folder, errors);
        Assert.Equal(["test-a.tsv", "test-b.tsv", "test-c.tsv", "test-d.tsv", "test-e.tsv", "test-f.tsv", "test-g.tsv", "test-h.tsv", "test-i.tsv", "test-j.tsv", "test-k.tsv", "test-l.tsv", "test-m.tsv", "test-n.tsv", "test-o.tsv", "test-p.tsv", "test-q.tsv", "test-r.tsv", "test-s.tsv", "test-t.tsv", "test-u.tsv", "test-ua.tsv", "test-ub.tsv", "test-uc.tsv", "test-ud.tsv", "test-ue.tsv", "test-uf.tsv", "test-ug.tsv", "test-uh.tsv", "test-ui.tsv", "test-uj.tsv", "test-uk.tsv", "test-v.tsv", "test-w.tsv", "test-x.tsv", "test-y.tsv", "test-z.tsv", "test.tsv"], tests.Select(t => t.Name));

        // Rounds two to fifteen's files are history; round sixteen's three are pooled.
        Assert.Equal([true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, false, true, true, true, true, true, true], tests.Select(t => t.Used));
        Assert.Equal("tb-1", Assert.Single(tests[1].Messages).Id);
        var problem = Assert.Single(errors);
        Assert.Equal(3, problem.Line);
        Assert.Contains("test-a.tsv", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundSixteensFilesArePooledWhicheverOfThemArePresent()
    {
        var folder = ContentFolders.CopyOfShipped();
        var evaluation = Path.Combine(folder, "safety", "evaluation");
        foreach (var file in Directory.GetFiles(evaluation, "test*.tsv"))
        {
            File.Delete(file);
        }

        // None of them yet (the branch before the lead adds them): nothing to pool, the development part still reads.
        var (dev, none) = SafetyEvaluation.LoadSets(folder, []);
        Assert.NotEmpty(dev);
        Assert.Empty(none);

        // One of them, beside round fifteen's: only it is this round's, and round fifteen's file is history now.
        File.WriteAllText(Path.Combine(evaluation, "test-uj.tsv"), LabelledSet.Header + "\nuj-1\tnone\teveryday\t\tThe frost lifted\n");
        File.WriteAllText(Path.Combine(evaluation, "test-ug.tsv"), LabelledSet.Header + "\nug-1\tnone\teveryday\t\tThe owl hooted\n");
        var (_, some) = SafetyEvaluation.LoadSets(folder, []);
        Assert.Equal(["test-uj.tsv"], some.Where(t => !t.Used).Select(t => t.Name));
        Assert.Equal(["test-ug.tsv"], some.Where(t => t.Used).Select(t => t.Name));

        // Two of them: pooled together, the absent third not missed.
        File.WriteAllText(Path.Combine(evaluation, "test-uk.tsv"), LabelledSet.Header + "\nuk-1\tnone\teveryday\t\tThe heron stood still\n");
        var (_, two) = SafetyEvaluation.LoadSets(folder, []);
        Assert.Equal(["test-uj.tsv", "test-uk.tsv"], two.Where(t => !t.Used).Select(t => t.Name));

        // All three: pooled together, every earlier file (round fifteen's three included) still history.
        File.WriteAllText(Path.Combine(evaluation, "test-ui.tsv"), LabelledSet.Header + "\nui-1\tnone\teveryday\t\tWe oiled the hinges\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uf.tsv"), LabelledSet.Header + "\nuf-1\tnone\teveryday\t\tThe tide went out\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uh.tsv"), LabelledSet.Header + "\nuh-1\tnone\teveryday\t\tWe stacked the logs\n");
        File.WriteAllText(Path.Combine(evaluation, "test-uc.tsv"), LabelledSet.Header + "\nuc-1\tnone\teveryday\t\tThe swings squeaked\n");
        var (_, all) = SafetyEvaluation.LoadSets(folder, []);
        Assert.Equal(["test-ui.tsv", "test-uj.tsv", "test-uk.tsv"], all.Where(t => !t.Used).Select(t => t.Name));
        Assert.Equal(["test-uc.tsv", "test-uf.tsv", "test-ug.tsv", "test-uh.tsv"], all.Where(t => t.Used).Select(t => t.Name));

        // A test file of no round named here is history, never pooled with round sixteen's.
        File.WriteAllText(Path.Combine(evaluation, "test-ul.tsv"), LabelledSet.Header + "\nul-1\tnone\teveryday\t\tThe moss grew back\n");
        var (_, stray) = SafetyEvaluation.LoadSets(folder, []);
        Assert.Equal(["test-ui.tsv", "test-uj.tsv", "test-uk.tsv"], stray.Where(t => !t.Used).Select(t => t.Name));
        Assert.Contains("test-ul.tsv", stray.Where(t => t.Used).Select(t => t.Name));
        Assert.Equal(["test-ui.tsv", "test-uj.tsv", "test-uk.tsv"], SafetyEvaluation.CurrentTestParts);
        Assert.Empty(SafetyEvaluation.CurrentTestParts.Intersect(SafetyEvaluation.UsedTestParts));
        Assert.Contains("test-uf.tsv", SafetyEvaluation.UsedTestParts);
        Assert.Contains("test-ug.tsv", SafetyEvaluation.UsedTestParts);
        Assert.Contains("test-uh.tsv", SafetyEvaluation.UsedTestParts);
    }

    [Fact]
    public async Task TestPartsAreReportedPerFileAndPooledOverTheRoundWithFiguresOnly()
    {
        var data = TempFolder.Create();
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration["Storage:DataPath"] = data;
        builder.Configuration["Content:Path"] = Content;
        builder.Configuration["Safety:ModelEnabled"] = "false";
        builder.Logging.ClearProviders();
        builder.Services.AddReflectBot(builder.Configuration);
        using var host = builder.Build();
        var adapter = new EvaluationAdapter(host.Services.GetRequiredService<TurnPipeline>().Middleware);
        var bot = host.Services.GetRequiredService<IBot>();
        LabelledMessage Line(string id, string label, string text) => new(id, label, "t", string.Empty, text, "t", 1);
        var tests = new List<TestPart>
        {
            new("test-a.tsv", [Line("ta-1", "none", "an older line")], true),
            new("test-e.tsv", [Line("te-1", "none", "a round five line")], true),
            new("test-g.tsv", [Line("tg-1", "none", "a round six line")], true),
            new("test-i.tsv", [Line("ti-1", "none", "a round seven line")], true),
            new("test-k.tsv", [Line("tk-1", "none", "a round eight line")], true),
            new("test-n.tsv", [Line("tn-1", "none", "a round nine line")], true),
            new("test-q.tsv", [Line("tq-1", "suicidal", "I am going to end my life tonight."), Line("tq-2", "none", "zebra walked past quietly")], false),
            new("test-r.tsv", [Line("tr-1", "suicidal", "qwerty plinth marmalade"), Line("tr-2", "none", "the kettle is on")], false),
            new("test-s.tsv", [Line("ts-1", "none", "the tram was full")], false),
            new("test-c.tsv", [Line("tc-1", "none", "a round four line")], true),
            new("test.tsv", [Line("tt-1", "none", "an old line")], true),
        };

        var report = await SafetyEvaluationCommand.TestPartsAsync(adapter, bot, tests);
        output.WriteLine(report);
        foreach (var setting in new[] { "first message of a conversation", "mid-journey (the answer to a check-in question)" })
        {
            Assert.Contains($"test part test-q.tsv, {setting}: 2 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-n.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-k.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-i.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-g.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-e.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-c.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test part test-a.tsv (used in an earlier round: history, not pooled), {setting}: 1 messages", report, StringComparison.Ordinal);
            Assert.Contains($"test parts of this round pooled (test-q.tsv, test-r.tsv, test-s.tsv), {setting}: 5 messages", report, StringComparison.Ordinal);
        }

        // test-q catches its one risk line, test-r misses its nonsense one (test-s has none): pooled recall is one of two.
        Assert.Matches(@"test-q\.tsv, first[^\n]*\n[^\n]*\n  suicidal\s+1\s+1\.000", report);
        Assert.Matches(@"pooled \(test-q\.tsv, test-r\.tsv, test-s\.tsv\), first[^\n]*\n[^\n]*\n  suicidal\s+2\s+0\.500", report);
        foreach (var line in tests.SelectMany(t => t.Messages))
        {
            Assert.DoesNotContain(line.Id, report, StringComparison.Ordinal);
            Assert.DoesNotContain(line.Text, report, StringComparison.Ordinal);
        }

        // Which other class's reply a test file's messages got is a kind of its errors: never printed.
        Assert.DoesNotContain("routed elsewhere", report, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRoutingLineCountsPerClassWhichOtherClasssReplyAlarmedMessagesGot()
    {
        LabelledMessage Line(string id, string label) => new(id, label, "t", string.Empty, "text", "d", 1);
        var outcomes = new List<EvaluationOutcome>
        {
            new(Line("d-1", "voices"), new ScreenResult(RiskLevel.Clear, RiskClass.Suicidal, "lexicon")),
            new(Line("d-2", "voices"), new ScreenResult(RiskLevel.Clear, RiskClass.Suicidal, "lexicon")),
            new(Line("d-3", "voices"), new ScreenResult(RiskLevel.Possible, RiskClass.SelfHarm, "model", 0.8)),
            new(Line("d-4", "voices"), new ScreenResult(RiskLevel.Clear, RiskClass.Voices, "lexicon")),
            new(Line("d-5", "voices"), ScreenResult.Nothing),
            new(Line("d-6", "abuse"), new ScreenResult(RiskLevel.Clear, RiskClass.Abuse, "lexicon")),
        };

        var routing = EvaluationReport.Routing("dev", outcomes);
        output.WriteLine(routing);

        // Four alarmed voices messages (the missed one is no routing), three of them answered elsewhere, the likeliest first.
        Assert.Matches(@"\n  voices\s+3 of 4\s+routed elsewhere: suicidal 2, self-harm 1\r?\n", routing);
        Assert.Matches(@"\n  abuse\s+0 of 1\s+routed elsewhere: none\r?\n", routing);
        Assert.DoesNotContain("eating-disorder", routing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, 0.000, 0.278)]
    [InlineData(10, 10, 0.722, 1.000)]
    [InlineData(97, 100, 0.915, 0.990)]
    public void TheIntervalIsWilsons(int caught, int of, double low, double high)
    {
        var (l, h) = Wilson.Interval(caught, of);
        Assert.Equal(low, l, 3);
        Assert.Equal(high, h, 3);
    }

    [Theory]
    [InlineData("7", false)]
    [InlineData("yes", false)]
    [InlineData("I'm safe right now", true)]
    [InlineData("tired and flat", true)]
    [InlineData("region UK", false)]
    public void OnlyMessagesWithFreeTextReachTheModel(string text, bool free)
        => Assert.Equal(free, FreeText.Has(text));

    [Fact]
    public async Task MessagesRunThroughTheRealPipelineAsAFirstMessageAndMidJourney()
    {
        var data = TempFolder.Create();
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration["Storage:DataPath"] = data;
        builder.Configuration["Content:Path"] = Content;
        builder.Logging.ClearProviders();
        builder.Services.AddReflectBot(builder.Configuration);
        using var host = builder.Build();
        var adapter = new EvaluationAdapter(host.Services.GetRequiredService<TurnPipeline>().Middleware);
        var bot = host.Services.GetRequiredService<IBot>();
        var cases = new (string Label, string Text, RiskLevel Level)[]
        {
            ("suicidal", "I'm going to end it tonight.", RiskLevel.Clear),
            ("none", "this commute is killing me", RiskLevel.None),
            ("past", "When I was little my dad used to hit me when he drank.", RiskLevel.Past),
        };
        foreach (var midJourney in new[] { false, true })
        {
            foreach (var (label, text, level) in cases)
            {
                var message = new LabelledMessage($"t-{label}", label, "test", string.Empty, text, "test", 1);
                var outcome = await SafetyEvaluationCommand.RunAsync(adapter, bot, message, midJourney);
                Assert.True(level == outcome.Result.Level, $"{text} ({(midJourney ? "mid-journey" : "first")}): {outcome.Result}");
            }
        }
    }

    /// <summary>
    /// The project's own 187 messages (rb-*), written with the first lexicon: a regression guard only, since
    /// the lexicon was written alongside them. Through the real host, first message and mid-journey.
    /// </summary>
    [Fact]
    public async Task TheProjectsOwnMessagesStillPassThroughTheRealHost()
    {
        var own = Dev().Where(m => m.Author == "rb").ToList();
        var results = new List<(LabelledMessage Message, bool Alarm, bool Card)>();
        var i = 0;
        foreach (var message in own)
        {
            var first = _host.Client(userId: $"first-{i}", conversationId: $"first-conv-{i}");
            var firstReplies = await first.SayAsync(message.Text);
            results.Add((message, Alarm(firstReplies), Conversations.HasCrisisCard(firstReplies)));
            var mid = _host.Client(userId: $"mid-{i}", conversationId: $"mid-conv-{i++}");
            await mid.SayAsync("check in");
            await mid.SayAsync("5");
            var midReplies = await mid.SayAsync(message.Text);
            results.Add((message, Alarm(midReplies), Conversations.HasCrisisCard(midReplies)));
        }

        var risk = results.Where(r => r.Message.IsRisk).ToList();
        var harmless = results.Where(r => !r.Message.IsRisk).ToList();
        var recall = risk.Count(r => r.Alarm) / (double)risk.Count;
        var falseAlarms = harmless.Count(r => r.Alarm) / (double)harmless.Count;
        var falseCards = harmless.Count(r => r.Card) / (double)harmless.Count;
        foreach (var miss in results.Where(r => r.Message.IsRisk != r.Alarm))
        {
            output.WriteLine($"{(miss.Message.IsRisk ? "missed" : "false alarm")} {miss.Message.Id}: {miss.Message.Text}");
        }

        // Round thirteen's operating point (possible 0.68, evaluation README) gives the gentle check to three of these
        // harmless lines, denials and venting ("I'm not going to hurt myself, I just need to vent"): every alarm is held
        // to 7 %, the full reply, which interrupts, still to 5 %.
        Assert.True(recall >= 0.97, $"recall {recall:P1}");
        Assert.True(falseCards <= 0.05, $"full replies on harmless lines {falseCards:P1}");
        Assert.True(falseAlarms <= 0.07, $"false alarms {falseAlarms:P1}");
    }

    private static bool Alarm(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies)
        => Conversations.HasCrisisCard(replies) || replies.Any(r => r.SuggestedActions?.Actions.Any(a => a.Title == "I'm not safe") == true);
}
