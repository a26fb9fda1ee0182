using System.Globalization;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;

namespace ReflectBot.Benchmarks;

/// <summary>
/// The lexicon with every pattern called on every sentence, against the same lexicon passing over the patterns
/// whose required text is absent (PatternSet, what ships): CPU per message over the development messages and over a
/// check-in's short answers, and whether any reading differs (it must not).
/// </summary>
public static class LexiconFilterCost
{
    private static readonly string[] CheckInAnswers = ["check in", "4", "steady", "a quiet day", "yes", "calm, tired", "work was long", "7"];

    public static void Print(string content)
    {
        var safety = new SafetyContent(Options.Create(new ContentOptions { Path = content }));
        var shipped = safety.Screen;
        var whole = new RiskScreen(safety.Lexicon.CallingEveryPattern());
        var messages = SafetyEvaluation.LoadSets(content, []).Dev.Select(m => m.Text).ToList();
        var answers = Enumerable.Repeat(CheckInAnswers, 500).SelectMany(a => a).ToList();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var sets = safety.Lexicon.Classes.SelectMany(c => new[] { c.Patterns, c.Topics }).OfType<PatternSet>().ToList();

        // Each side twice, the first as warm-up, alternating, so neither pays the JIT or runs on a quieter moment.
        var figures = new Dictionary<string, (double Wall, double Cpu)>(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, screen) in new[] { ("whole", whole), ("shipped", shipped) })
            {
                figures[name + " dev"] = Run(screen, messages, process);
                figures[name + " short"] = Run(screen, answers, process);
            }
        }

        // What reading the required texts adds to loading the lexicon (at every start): the classes' patterns read again.
        var load = System.Diagnostics.Stopwatch.StartNew();
        var again = safety.Lexicon.Classes.SelectMany(c => new[] { c.Patterns, c.Topics }).Select(l => new PatternSet(l)).Sum(s => s.WithRequiredText);
        load.Stop();

        var differ = messages.Concat(answers.Distinct()).Count(m => Describe(whole.Read(m)) != Describe(shipped.Read(m)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety lexicon, CPU per message, every pattern called -> patterns without their required text passed over ({sets.Sum(s => s.WithRequiredText)} of the classes' {sets.Sum(s => s.Count)} patterns have one): {messages.Count} development messages {figures["whole dev"].Cpu:F3} -> {figures["shipped dev"].Cpu:F3} ms ({figures["shipped dev"].Cpu / figures["whole dev"].Cpu:F2}x); a check-in's short answers {figures["whole short"].Cpu * 1000:F1} -> {figures["shipped short"].Cpu * 1000:F1} µs ({figures["shipped short"].Cpu / figures["whole short"].Cpu:F2}x); readings that differ: {differ}; reading the classes' required texts at load {load.Elapsed.TotalMilliseconds:F0} ms ({again} patterns)"));
    }

    private static (double Wall, double Cpu) Run(RiskScreen screen, List<string> texts, System.Diagnostics.Process process)
        => ProcessCost.Per(ProcessCost.Measure(process, () =>
        {
            foreach (var text in texts)
            {
                screen.Read(text);
            }
        }), texts.Count);

    private static string Describe(LexiconReading reading)
        => string.Create(CultureInfo.InvariantCulture, $"{reading.Live} {reading.Past} {reading.TimedOut} {string.Join(',', reading.Features())}");
}
