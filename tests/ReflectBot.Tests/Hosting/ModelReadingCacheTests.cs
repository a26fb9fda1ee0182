using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The remembered model readings: the screen decides exactly as without them, and the table stays bounded and keeps no long text.</summary>
public sealed class ModelReadingCacheTests
{
    [Fact]
    public async Task EveryDevelopmentMessageIsDecidedExactlyAsTheModelDecidesItWhenReadFreshAndWhenRemembered()
    {
        using var host = new BotHost();
        host.CreateClient();
        var model = host.Services.GetRequiredService<SafetyModelHost>();
        await model.WaitReadyAsync();
        Assert.True(model.IsReady);
        Assert.Same(host.Services.GetRequiredService<ModelReadingCache>(), host.Services.GetRequiredService<SafetyScreen>().Model);

        var lexicon = host.Services.GetRequiredService<SafetyContent>().Screen;
        var errors = new List<ContentError>();
        bool Remembered(string text) => lexicon.Read(text) is { Live: RiskClass.None } r && FreeText.Has(text)
            && r.Normalized.Length > 0 && text.Length <= ModelReadingCache.MaxChars && r.Normalized.Length <= ModelReadingCache.MaxChars;

        // The table holds Capacity readings, oldest out first: the development messages up to that many remembered
        // ones (dev.tsv outgrew the table in issue 12's round nine; a second pass over more would evict every one).
        var dev = new List<string>();
        var remembered = 0;
        foreach (var text in SafetyEvaluation.LoadSets(ContentFolders.Shipped, errors).Dev.Select(m => m.Text))
        {
            if (Remembered(text) && ++remembered > ModelReadingCache.Capacity)
            {
                break;
            }

            dev.Add(text);
        }

        Assert.Empty(errors);
        var fresh = new SafetyScreen(lexicon, model);
        var cache = new ModelReadingCache(model);
        var remembering = new SafetyScreen(lexicon, cache);

        var expected = dev.Select(fresh.Screen).ToList();
        var firstPass = dev.Select(remembering.Screen).ToList();
        var hitsBefore = cache.Hits;
        var secondPass = dev.Select(remembering.Screen).ToList();

        // Records compare level, class, layer and the model's probability to the last bit. A lexicon pattern that
        // runs out of its time (a second, seen only on a saturated machine) counts as a match, so a line can differ
        // once for that reason alone: such a line is read again both ways, and a difference the table causes stays.
        var flaky = 0;
        for (var i = 0; i < dev.Count; i++)
        {
            foreach (var (got, when) in new[] { (firstPass[i], "on first reading"), (secondPass[i], "remembered") })
            {
                if (expected[i] != got)
                {
                    flaky++;
                    var again = fresh.Screen(dev[i]);
                    Assert.True(again == remembering.Screen(dev[i]), $"dev line {i + 2}: {again} fresh, {got} {when}");
                }
            }
        }

        Assert.InRange(flaky, 0, 3);

        // The second pass was answered from the table for every short message the model reads, so the equality above
        // was tested on remembered readings (less the few a timed-out pattern sent to the lexicon's reply instead).
        var modelRead = dev.Count(Remembered);
        Assert.True(modelRead > 500, $"{modelRead} development messages read by the model");
        Assert.InRange(cache.Hits - hitsBefore, modelRead - flaky, modelRead);
        Assert.Contains(expected, r => r.Layer == "model" && r.IsAlarm);
    }

    [Fact]
    public void ARepeatedMessageRunsTheModelOnceALongOneEveryTimeAndTheTableStaysBounded()
    {
        var lexicon = new SafetyContent(Microsoft.Extensions.Options.Options.Create(new ContentOptions { Path = ContentFolders.Shipped })).Screen;
        var counting = new CountingLayer();
        var cache = new ModelReadingCache(counting);
        var screen = new SafetyScreen(lexicon, cache);

        screen.Screen("not much to say today");
        screen.Screen("not much to say today");
        Assert.Equal(1, counting.Reads);
        screen.Screen("Not much to say today");
        Assert.Equal(2, counting.Reads);

        var longText = string.Join(' ', Enumerable.Repeat("a long day at work and then the bus home", 8));
        Assert.True(longText.Length > ModelReadingCache.MaxChars);
        screen.Screen(longText);
        screen.Screen(longText);
        Assert.Equal(4, counting.Reads);

        for (var i = 0; i < ModelReadingCache.Capacity + 100; i++)
        {
            screen.Screen($"message number {i} of many");
        }

        Assert.True(cache.Count <= ModelReadingCache.Capacity, $"{cache.Count} readings kept");
        var reads = counting.Reads;
        screen.Screen("not much to say today");
        Assert.Equal(reads + 1, counting.Reads);
    }

    /// <summary>A model layer that counts its readings (the real model's equality is the test above).</summary>
    private sealed class CountingLayer : ISafetyModelLayer
    {
        private int _reads;

        public int Reads => _reads;

        public ScreenResult? Read(string text, LexiconReading reading)
        {
            Interlocked.Increment(ref _reads);
            return ScreenResult.Nothing with { ModelRisk = 0.01 };
        }

        public Task<ScreenResult?> ReadAsync(string text, LexiconReading reading, CancellationToken cancellationToken = default) => Task.FromResult(Read(text, reading));

        public Task WaitReadyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
