using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Readings of concurrent turns share model runs: the one thing that must never go wrong is a reading handed to
/// the wrong turn. Over the real host's /api/messages, with nothing remembered, so every message runs the model.
/// </summary>
public sealed class ConcurrentCrisisReplyTests : IDisposable
{
    private readonly BotHost _host = new(null, ("Safety:RememberModelReadings", "false"), ("Safety:ModelRunsAtOnce", "1"));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ManyConversationsAtOnceEachGetTheirOwnReadingOnlyTheRiskMessagesGetTheCrisisReply()
    {
        _host.CreateClient();
        var screen = _host.Services.GetRequiredService<SafetyScreen>();
        var model = _host.Services.GetRequiredService<SafetyModelHost>();
        await model.WaitReadyAsync();
        Assert.True(model.IsReady);
        Assert.Same(model, screen.Model);

        // Development messages the lexicon lets through: some the model reads as clear risk, some as nothing. One
        // sentence each, so a reading alone is one text in one run: fewer runs than readings then means turns shared
        // runs (a longer message's whole and its sentences take two or more runs of its own, whatever the others do).
        var random = new Random(18);
        var dev = SafetyEvaluation.LoadSets(ContentFolders.Shipped, []).Dev.Select(m => m.Text).Distinct()
            .Where(t => FreeText.Has(t) && screen.Lexicon.Read(t).Live == RiskClass.None && screen.Lexicon.Read(t).Past == RiskClass.None)
            .Where(t => screen.Lexicon.Read(t).Normalized is var n && SentenceEmbedder.Sentences(n).Count == 0 && SentenceEmbedder.Windows(n).Count == 1)
            .OrderBy(_ => random.Next()).ToList();
        var risk = dev.Where(t => screen.Screen(t) is { Level: RiskLevel.Clear, Layer: "model" }).Take(12).ToList();
        var calm = dev.Where(t => screen.Screen(t) is { Level: RiskLevel.None }).Take(20).ToList();
        Assert.Equal(12, risk.Count);
        Assert.Equal(20, calm.Count);

        var runs = model.Runs!;
        var (runsBefore, readingsBefore) = (runs.Runs, runs.Requests);
        var messages = risk.Select(t => (Text: t, Risk: true)).Concat(calm.Select(t => (Text: t, Risk: false))).OrderBy(_ => random.Next()).ToList();
        var replies = await Task.WhenAll(messages.Select((m, i) => Task.Run(() => _host.Client($"user-{i}", $"conv-{i}").SayAsync(m.Text))));

        for (var i = 0; i < messages.Count; i++)
        {
            var text = BotClient.Read(replies[i]);
            if (messages[i].Risk)
            {
                Assert.True(Conversations.HasCrisisCard(replies[i]), $"conversation {i}, a risk message, got no crisis reply: {text}");
            }
            else
            {
                Assert.False(Conversations.HasCrisisCard(replies[i]), $"conversation {i}, a calm message, got a crisis reply");
                Assert.DoesNotContain("That sounds heavy", text, StringComparison.Ordinal);
            }
        }

        // Fewer runs than readings: runs were shared between turns, so the test was of coalesced readings.
        Assert.Equal(messages.Count, runs.Requests - readingsBefore);
        Assert.True(runs.Runs - runsBefore < runs.Requests - readingsBefore, $"{runs.Runs - runsBefore} runs for {runs.Requests - readingsBefore} readings: none shared");
    }
}
