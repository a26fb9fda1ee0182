using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Safety;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The safety screen on the labelled evaluation set (evaluation-set.tsv), through the real host: each
/// utterance as the first message of a new conversation, and again as an answer in the middle of a check-in.
/// </summary>
public sealed class SafetyEvaluationTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    public static IReadOnlyList<(bool Risk, string Class, string Text)> Set()
        => [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Safety", "evaluation-set.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0] == "risk", p[1], p[2]))];

    [Fact]
    public void TheSetHasAtLeast150UtterancesOfBothKindsWithHardNegatives()
    {
        var set = Set();
        Assert.True(set.Count >= 150, $"{set.Count} utterances");
        Assert.True(set.Count(s => s.Risk) >= 75);
        Assert.True(set.Count(s => !s.Risk && s.Class is "idiom" or "negated" or "past" or "third-party") >= 40);
        foreach (var risk in RiskClasses.All)
        {
            Assert.Contains(set, s => s.Risk && s.Class == RiskClasses.IdOf(risk));
        }
    }

    [Fact]
    public async Task AsTheFirstMessageOfAConversationRecallIsAtLeast97PercentAndFalsePositivesAtMost5Percent()
    {
        var results = new List<(bool Risk, string Class, string Text, bool Flagged)>();
        var i = 0;
        foreach (var (risk, kind, text) in Set())
        {
            var bot = _host.Client(userId: $"first-{i}", conversationId: $"first-conv-{i++}");
            results.Add((risk, kind, text, Conversations.HasCrisisCard(await bot.SayAsync(text))));
        }

        Report("first message", results);
    }

    [Fact]
    public async Task MidJourneyRecallIsAtLeast97PercentAndFalsePositivesAtMost5Percent()
    {
        var results = new List<(bool Risk, string Class, string Text, bool Flagged)>();
        var i = 0;
        foreach (var (risk, kind, text) in Set())
        {
            var bot = _host.Client(userId: $"mid-{i}", conversationId: $"mid-conv-{i++}");
            await bot.SayAsync("check in");
            await bot.SayAsync("5");
            results.Add((risk, kind, text, Conversations.HasCrisisCard(await bot.SayAsync(text))));
        }

        Report("mid-journey", results);
    }

    [Fact]
    public void AFlaggedLineIsMostlyReportedAsTheClassItIsLabelledWith()
    {
        var screen = _host.Services.GetRequiredService<SafetyContent>().Screen;
        var flagged = Set().Where(s => s.Risk).Select(s => (s.Class, Text: s.Text, Read: screen.Screen(s.Text))).Where(s => s.Read != RiskClass.None).ToList();
        var agree = flagged.Count(s => RiskClasses.IdOf(s.Read) == s.Class);
        foreach (var other in flagged.Where(s => RiskClasses.IdOf(s.Read) != s.Class))
        {
            output.WriteLine($"labelled {other.Class}, read as {RiskClasses.IdOf(other.Read)}: {other.Text}");
        }

        output.WriteLine($"class agreement: {agree}/{flagged.Count}");
        Assert.True(agree >= flagged.Count * 0.9, $"class agreement {agree}/{flagged.Count}");
    }

    private void Report(string where, List<(bool Risk, string Class, string Text, bool Flagged)> results)
    {
        var positives = results.Where(r => r.Risk).ToList();
        var negatives = results.Where(r => !r.Risk).ToList();
        var recall = positives.Count(r => r.Flagged) / (double)positives.Count;
        var falsePositiveRate = negatives.Count(r => r.Flagged) / (double)negatives.Count;
        output.WriteLine($"{where}: {results.Count} utterances ({positives.Count} risk, {negatives.Count} safe): recall {recall:P1}, false-positive rate {falsePositiveRate:P1}");
        foreach (var miss in results.Where(r => r.Risk != r.Flagged))
        {
            output.WriteLine($"  {(miss.Risk ? "missed" : "false alarm")} [{miss.Class}]: {miss.Text}");
        }

        Assert.True(recall >= 0.97, $"recall {recall:P1} < 97%");
        Assert.True(falsePositiveRate <= 0.05, $"false-positive rate {falsePositiveRate:P1} > 5%");
    }
}
