using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;

namespace ReflectBot.Benchmarks;

/// <summary>
/// The safety screen's own cost, in process, over the development messages: the lexicon on every message,
/// the model on those with free text, and the model's load time and memory.
/// </summary>
public static class SafetyScreenCost
{
    public static void Print(string content)
    {
        var safety = new SafetyContent(Options.Create(new ContentOptions { Path = content }));
        var messages = SafetyEvaluation.LoadSets(content, []).Dev.Select(m => m.Text).ToList();
        var process = Process.GetCurrentProcess();

        var lexicon = ProcessCost.Per(ProcessCost.Measure(process, () =>
        {
            foreach (var text in messages)
            {
                safety.Screen.Read(text);
            }
        }), messages.Count);

        var before = process.PrivateMemorySize64;
        var load = Stopwatch.StartNew();
        var embedder = SentenceEmbedder.Shared;
        embedder.Embed("warm up");
        load.Stop();
        process.Refresh();
        var modelMemory = (process.PrivateMemorySize64 - before) / 1e6;
        var layer = new SafetyModelLayer(safety.Weights, embedder);
        var free = messages.Where(FreeText.Has).ToList();
        var readings = free.Select(t => safety.Screen.Read(t)).ToList();
        var model = ProcessCost.Per(ProcessCost.Measure(process, () =>
        {
            for (var i = 0; i < free.Count; i++)
            {
                layer.Read(free[i], readings[i]);
            }
        }), free.Count);

        // The same readings sent 16 at a time (16 turns screened at once): they share ONNX runs (CoalescingEncoder).
        var runs = new CoalescingEncoder(embedder.Encoder, 1);
        var together = new SafetyModelLayer(safety.Weights, embedder, runs);
        var next = -1;
        var shared = ProcessCost.Per(ProcessCost.Measure(process, () => Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < free.Count; i = Interlocked.Increment(ref next))
            {
                await together.ReadAsync(free[i], readings[i]);
            }
        }))).GetAwaiter().GetResult()), free.Count);

        // The n-gram head apart: its share of the model's cost, and the managed memory of the weights file once read (every head, the n-gram vocabulary included).
        var ngram = ProcessCost.Per(ProcessCost.Measure(process, () =>
        {
            foreach (var reading in readings)
            {
                safety.Weights.Ngram.Probabilities(reading.Normalized);
            }
        }), free.Count);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var weights = SafetyModelWeights.FromJson(File.ReadAllText(Path.Combine(content, "safety", TrainSafetyCommand.WeightsFile)), out _)!;
        weights.Ngram.Probabilities("warm up");
        var weightsMemory = (GC.GetTotalMemory(forceFullCollection: true) - managed) / 1e6;
        GC.KeepAlive(weights);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety model's n-gram head ({weights.Ngram.Vocabulary.Count} n-grams): {ngram.Wall:F2} ms wall / {ngram.Cpu:F2} ms CPU per message (part of the model's cost below); the weights file read takes about {weightsMemory:F0} MB managed memory"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety screen, per message ({messages.Count} development messages): lexicon {lexicon.Wall:F3} ms wall / {lexicon.Cpu:F3} ms CPU; model (on the {free.Count} with free text) {model.Wall:F2} ms wall / {model.Cpu:F2} ms CPU; model load {load.ElapsedMilliseconds} ms, about {modelMemory:F0} MB private memory"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety model, the same messages read 16 at a time (shared runs, one in flight): {shared.Wall:F2} ms wall / {shared.Cpu:F2} ms CPU per message, {(double)runs.Texts / Math.Max(1, runs.Runs):F2} texts per run, {(double)runs.Requests / Math.Max(1, runs.Runs):F2} messages per run ({runs.Runs} runs)"));
    }

    /// <summary>
    /// The model on short messages (up to five words, as most turns' free text is), each alone and then 16 at a
    /// time through shared runs, each read 3 times over: what sharing runs buys where a run's fixed cost dominates.
    /// </summary>
    public static void PrintShort(string content)
    {
        var safety = new SafetyContent(Options.Create(new ContentOptions { Path = content }));
        var process = Process.GetCurrentProcess();
        var embedder = SentenceEmbedder.Shared;
        var texts = SafetyEvaluation.LoadSets(content, []).Dev.Select(m => m.Text)
            .Where(t => FreeText.Has(t) && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5).Distinct().ToList();
        var messages = Enumerable.Repeat(texts, 3).SelectMany(t => t).ToList();
        var readings = messages.Select(t => safety.Screen.Read(t)).ToList();
        var alone = new SafetyModelLayer(safety.Weights, embedder);
        alone.Read(messages[0], readings[0]);
        var single = ProcessCost.Per(ProcessCost.Measure(process, () =>
        {
            for (var i = 0; i < messages.Count; i++)
            {
                alone.Read(messages[i], readings[i]);
            }
        }), messages.Count);
        var runs = new CoalescingEncoder(embedder.Encoder, 1);
        var together = new SafetyModelLayer(safety.Weights, embedder, runs);
        var next = -1;
        var shared = ProcessCost.Per(ProcessCost.Measure(process, () => Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < messages.Count; i = Interlocked.Increment(ref next))
            {
                await together.ReadAsync(messages[i], readings[i]);
            }
        }))).GetAwaiter().GetResult()), messages.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety model on short messages ({texts.Count} development messages of up to 5 words, 3 times each): alone {single.Wall:F2} ms wall / {single.Cpu:F2} ms CPU per message; 16 at a time (shared runs, one in flight) {shared.Wall:F2} ms wall / {shared.Cpu:F2} ms CPU, {(double)runs.Requests / Math.Max(1, runs.Runs):F2} messages per run"));
    }
}
