using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Readings of different messages share one ONNX run when they arrive together (<see cref="CoalescingEncoder"/>).
/// That is only allowed because a text's vector does not depend on what else is in its run: these tests hold it
/// to the last bit on the development messages, as the model reads them (each whole message and its sentences).
/// </summary>
public sealed class CoalescedRunParityTests
{
    /// <summary>What the model embeds for a sample of the development messages: their windows and their sentences.</summary>
    private static List<string> ModelTexts(int count, int seed)
    {
        var errors = new List<ContentError>();
        var dev = SafetyEvaluation.LoadSets(ContentFolders.Shipped, errors).Dev;
        Assert.Empty(errors);
        var lexicon = new SafetyContent(Microsoft.Extensions.Options.Options.Create(new ContentOptions { Path = ContentFolders.Shipped })).Screen;
        var random = new Random(seed);
        var texts = new List<string>();
        foreach (var message in dev.OrderBy(_ => random.Next()).Take(count))
        {
            var normalized = lexicon.Read(message.Text).Normalized;
            if (normalized.Length > 0)
            {
                texts.AddRange(SentenceEmbedder.Windows(normalized));
                texts.AddRange(SentenceEmbedder.Sentences(normalized));
            }
        }

        return texts;
    }

    private static void AssertSameBits(string text, ReadOnlySpan<float> alone, ReadOnlySpan<float> together, string how)
    {
        for (var i = 0; i < alone.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(alone[i]) != BitConverter.SingleToInt32Bits(together[i]))
            {
                Assert.Fail($"'{text}' {how} differs at {i}: {alone[i]:R} alone, {together[i]:R} together");
            }
        }
    }

    /// <remarks>Int8 too: its activations are quantised per token (MiniLmQuantizer), so a text's integer products do not see its run.</remarks>
    [Theory]
    [InlineData(ModelPrecision.Float32)]
    [InlineData(ModelPrecision.Int8)]
    public void DevelopmentTextsInRandomPaddedGroupsGetTheVectorsEachGetsAloneToTheLastBit(ModelPrecision precision)
    {
        var texts = ModelTexts(400, 14);
        Assert.True(texts.Count > 400, $"{texts.Count} texts");
        var encoder = SentenceEmbedder.SharedFor(precision).Encoder;
        Assert.Equal(precision, encoder.Precision);
        var alone = texts.Select(t => encoder.Encode([t])[0]).ToList();

        var random = new Random(8);
        var order = Enumerable.Range(0, texts.Count).OrderBy(_ => random.Next()).ToList();
        var compared = 0;
        for (var start = 0; start < order.Count;)
        {
            // Groups of 2 to 16 texts of any lengths, so short texts are padded to long ones too.
            var size = Math.Min(random.Next(2, 17), order.Count - start);
            var group = order.GetRange(start, size);
            var together = encoder.Encode(group.Select(i => texts[i]).ToList());
            for (var g = 0; g < group.Count; g++)
            {
                AssertSameBits(texts[group[g]], alone[group[g]], together[g], $"in a run of {size}");
                compared++;
            }

            start += size;
        }

        Assert.Equal(texts.Count, compared);
    }

    [Theory]
    [InlineData(ModelPrecision.Float32)]
    [InlineData(ModelPrecision.Int8)]
    public async Task TextsSentAtOnceShareRunsAndEachCallerGetsItsOwnVectorsToTheLastBit(ModelPrecision precision)
    {
        var texts = ModelTexts(150, 15);
        var encoder = SentenceEmbedder.SharedFor(precision).Encoder;
        var alone = texts.Select(t => encoder.Encode([t])[0]).ToList();
        using var held = new HeldFirstRun(encoder);
        var runs = new CoalescingEncoder(held, 1);

        // Each caller asks for one to three texts at once. The first caller's run is held while all the others queue.
        var random = new Random(16);
        var requests = new List<int[]>();
        for (var start = 0; start < texts.Count;)
        {
            var size = Math.Min(random.Next(1, 4), texts.Count - start);
            requests.Add([.. Enumerable.Range(start, size)]);
            start += size;
        }

        held.Arm();
        var first = Task.Run(() => runs.EncodeAsync(requests[0].Select(i => texts[i]).ToList()));
        held.WaitUntilHeld();
        var rest = requests.Skip(1).Select(r => runs.EncodeAsync(r.Select(i => texts[i]).ToList())).ToList();
        held.Release();
        var results = await Task.WhenAll([first, .. rest]);
        for (var c = 0; c < requests.Count; c++)
        {
            Assert.Equal(requests[c].Length, results[c].Length);
            for (var k = 0; k < requests[c].Length; k++)
            {
                AssertSameBits(texts[requests[c][k]], alone[requests[c][k]], results[c][k], "sent with others");
            }
        }

        // Fewer runs than callers: runs were shared between callers, so the equality above was tested on shared runs.
        Assert.Equal(texts.Count, runs.Texts);
        Assert.Equal(requests.Count, runs.Requests);
        Assert.True(runs.Runs < runs.Requests, $"{runs.Runs} runs for {runs.Requests} callers: none shared");
    }

    [Fact]
    public async Task DevelopmentMessagesReadTogetherAreDecidedExactlyAsEachReadAlone()
    {
        var weights = SafetyContent.LoadWeights(ContentFolders.Shipped, [], SentenceEmbedder.ModelSha256())!;
        var lexicon = new SafetyContent(Microsoft.Extensions.Options.Options.Create(new ContentOptions { Path = ContentFolders.Shipped })).Screen;
        var embedder = SentenceEmbedder.For(weights, new SafetyOptions().ModelPrecision);
        using var held = new HeldFirstRun(embedder.Encoder);
        var runs = new CoalescingEncoder(held, 1);
        var layer = new SafetyModelLayer(weights, embedder, runs);
        var random = new Random(17);
        var dev = SafetyEvaluation.LoadSets(ContentFolders.Shipped, []).Dev
            .Select(m => (m.Text, Reading: lexicon.Read(m.Text)))
            .Where(m => m.Reading.Live == RiskClass.None && FreeText.Has(m.Text))
            .OrderBy(_ => random.Next()).Take(300).ToList();

        var alone = dev.Select(m => layer.Read(m.Text, m.Reading)).ToList();
        held.Arm();
        var first = Task.Run(() => layer.ReadAsync(dev[0].Text, dev[0].Reading));
        held.WaitUntilHeld();
        var rest = dev.Skip(1).Select(m => layer.ReadAsync(m.Text, m.Reading)).ToList();
        held.Release();
        var together = await Task.WhenAll([first, .. rest]);

        // Records compare level, class, layer and the model's probability to the last bit.
        for (var i = 0; i < dev.Count; i++)
        {
            Assert.True(alone[i] == together[i], $"'{dev[i].Text}': {alone[i]} alone, {together[i]} read with others");
        }

        Assert.Contains(alone, r => r is { IsAlarm: true });
        Assert.True(runs.Runs < runs.Requests, $"{runs.Runs} runs for {runs.Requests} readings: no run was shared between readings");
    }
}
