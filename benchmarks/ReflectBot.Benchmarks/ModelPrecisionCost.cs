using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;

namespace ReflectBot.Benchmarks;

/// <summary>
/// --model-precision: Float32 against Int8 (Safety:ModelPrecision) in one process, as ratios: the model on short
/// answers and the screen on every development message (each precision in turn, alternating where it is cheap),
/// how close Int8's vectors are to Float32's, and how many of the screen's decisions change when the weights
/// trained on Float32 vectors read Int8 ones (why Int8 needs a retrain before it may screen anyone).
/// </summary>
public static class ModelPrecisionCost
{
    private static readonly ModelPrecision[] Both = [ModelPrecision.Float32, ModelPrecision.Int8];

    public static void Print(string content)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var safety = new SafetyContent(Options.Create(new ContentOptions { Path = content }));
        var process = Process.GetCurrentProcess();
        var dev = SafetyEvaluation.LoadSets(content, []).Dev.Select(m => m.Text).ToList();

        // Load each (session, pre-packed weights, first run), Float32 first as the host does by default.
        var embedders = new Dictionary<ModelPrecision, SentenceEmbedder>();
        foreach (var precision in Both)
        {
            process.Refresh();
            var before = process.PrivateMemorySize64;
            var load = Stopwatch.StartNew();
            var embedder = SentenceEmbedder.SharedFor(precision);
            embedder.Embed("warm up");
            load.Stop();
            process.Refresh();
            embedders[precision] = embedder;
            Line($"{precision} model load: {load.ElapsedMilliseconds} ms (Int8: quantised from the fp32 files in memory, checked against the manifest), {(process.PrivateMemorySize64 - before) / 1e6:F0} MB private memory");
        }

        var layers = Both.ToDictionary(p => p, p => new SafetyModelLayer(safety.Weights, embedders[p]));

        // (a) Short answers, as most turns' free text is: each alone, the two precisions alternating, twice.
        var shortTexts = dev.Where(t => FreeText.Has(t) && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5).Distinct().ToList();
        var messages = Enumerable.Repeat(shortTexts, 3).SelectMany(t => t).ToList();
        var readings = messages.Select(t => safety.Screen.Read(t)).ToList();
        var shortCost = Both.ToDictionary(p => p, _ => new List<(double Wall, double Cpu)>());
        foreach (var precision in Both.Concat(Both).Concat(Both.Reverse()).Concat(Both.Reverse()))
        {
            var layer = layers[precision];
            shortCost[precision].Add(ProcessCost.Per(ProcessCost.Measure(process, () =>
            {
                for (var i = 0; i < messages.Count; i++)
                {
                    layer.Read(messages[i], readings[i]);
                }
            }), messages.Count));
        }

        foreach (var precision in Both)
        {
            Line($"Short answers ({shortTexts.Count} development messages of up to 5 words, 3 times each), {precision}, each alone, 4 passes: " +
                string.Join(", ", shortCost[precision].Select(c => $"{c.Wall:F2} wall / {c.Cpu:F2} CPU")) + " ms per message");
        }

        var (shortWall, shortCpu) = Ratio(shortCost);
        Line($"  -> Int8 / Float32 on short answers: CPU {shortCpu:F2}, wall {shortWall:F2} (means of 4 passes each)");

        // (b) Every development message through the screen (lexicon, then the model where the lexicon finds nothing live).
        var lexicon = ProcessCost.Per(ProcessCost.Measure(process, () => dev.ForEach(t => safety.Screen.Read(t))), dev.Count);
        var screens = Both.ToDictionary(p => p, p => new SafetyScreen(safety.Screen, layers[p]));
        var decisions = Both.ToDictionary(p => p, _ => new ScreenResult[dev.Count]);
        var screenCost = Both.ToDictionary(p => p, _ => new List<(double Wall, double Cpu)>());
        foreach (var precision in Both)
        {
            var screen = screens[precision];
            var decided = decisions[precision];
            screenCost[precision].Add(ProcessCost.Per(ProcessCost.Measure(process, () =>
            {
                for (var i = 0; i < dev.Count; i++)
                {
                    decided[i] = screen.Screen(dev[i]);
                }
            }), dev.Count));
        }

        var modelRead = dev.Count(t => safety.Screen.Read(t).Live == RiskClass.None && FreeText.Has(t));
        foreach (var precision in Both)
        {
            var c = screenCost[precision][0];
            Line($"Development messages ({dev.Count}; the model reads the {modelRead} with free text and nothing live in the lexicon), {precision}: screen {c.Wall:F2} ms wall / {c.Cpu:F2} ms CPU per message, " +
                $"of which the model about {(c.Wall - lexicon.Wall) * dev.Count / modelRead:F2} wall / {(c.Cpu - lexicon.Cpu) * dev.Count / modelRead:F2} CPU per message it reads (lexicon alone {lexicon.Wall:F2} / {lexicon.Cpu:F2})");
        }

        var model = Both.ToDictionary(p => p, p => ((screenCost[p][0].Wall - lexicon.Wall) * dev.Count / modelRead, (screenCost[p][0].Cpu - lexicon.Cpu) * dev.Count / modelRead));
        Line($"  -> Int8 / Float32 on development messages, the model's part: CPU {model[ModelPrecision.Int8].Item2 / model[ModelPrecision.Float32].Item2:F2}, wall {model[ModelPrecision.Int8].Item1 / model[ModelPrecision.Float32].Item1:F2}; the whole screen: CPU {screenCost[ModelPrecision.Int8][0].Cpu / screenCost[ModelPrecision.Float32][0].Cpu:F2}");

        // (c) Fidelity: each message's text as the model reads it (normalized, its windows), Int8 against Float32.
        var cosines = new List<double>();
        foreach (var text in dev)
        {
            var normalized = safety.Screen.Read(text).Normalized;
            if (normalized.Length == 0)
            {
                continue;
            }

            var a = embedders[ModelPrecision.Float32].Embed(normalized);
            var b = embedders[ModelPrecision.Int8].Embed(normalized);
            for (var w = 0; w < a.Length; w++)
            {
                cosines.Add(a[w].Select((x, i) => (double)x * b[w][i]).Sum());
            }
        }

        cosines.Sort();
        Line($"Fidelity, cosine of Int8 to Float32 vectors over {cosines.Count} windows of {dev.Count} development messages: min {cosines[0]:F4}, 1st percentile {cosines[cosines.Count / 100]:F4}, median {cosines[cosines.Count / 2]:F4}, mean {cosines.Average():F4}");

        var f = decisions[ModelPrecision.Float32];
        var q = decisions[ModelPrecision.Int8];
        var alarmChanged = Enumerable.Range(0, dev.Count).Count(i => f[i].IsAlarm != q[i].IsAlarm);
        var raised = Enumerable.Range(0, dev.Count).Count(i => !f[i].IsAlarm && q[i].IsAlarm);
        var classChanged = Enumerable.Range(0, dev.Count).Count(i => f[i].IsAlarm && q[i].IsAlarm && f[i].Class != q[i].Class);
        var levelChanged = Enumerable.Range(0, dev.Count).Count(i => f[i].Level != q[i].Level);
        Line($"Decisions with the weights trained on Float32 vectors (round seven's model.json) reading Int8 vectors, {dev.Count} development messages: " +
            $"alarm or not changes on {alarmChanged} ({raised} raised, {alarmChanged - raised} dropped), class changes on {classChanged} more that alarm either way, level (clear/possible/none) on {levelChanged}; " +
            $"Float32 alarms on {f.Count(r => r.IsAlarm)}, Int8 on {q.Count(r => r.IsAlarm)}");
    }

    private static (double Wall, double Cpu) Ratio(Dictionary<ModelPrecision, List<(double Wall, double Cpu)>> cost)
        => (cost[ModelPrecision.Int8].Average(c => c.Wall) / cost[ModelPrecision.Float32].Average(c => c.Wall),
            cost[ModelPrecision.Int8].Average(c => c.Cpu) / cost[ModelPrecision.Float32].Average(c => c.Cpu));

    private static void Line(string text) => Console.WriteLine(text);
}
