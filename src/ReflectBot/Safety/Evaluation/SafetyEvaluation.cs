using System.Globalization;
using ReflectBot.Content;

namespace ReflectBot.Safety.Evaluation;

/// <summary>
/// <c>evaluate-safety</c>: the screen on the labelled sets in <c>dialogs/safety/evaluation/</c>, the
/// development part (<c>dev.tsv</c>) and every test part there (each file whose name starts with
/// <c>test</c>), reported apart.
/// </summary>
public static class SafetyEvaluation
{
    public const string Folder = "evaluation";

    /// <summary>
    /// Test parts already evaluated in an earlier round: still reported (their figures are history), but
    /// never pooled with a later round's files, whose writers saw a screen that had been changed after them.
    /// </summary>
    /// <remarks>Round two's <c>test.tsv</c>, round three's <c>test-a.tsv</c> and <c>test-b.tsv</c>, round four's <c>test-c.tsv</c> and <c>test-d.tsv</c>, round five's <c>test-e.tsv</c> and <c>test-f.tsv</c>, round six's <c>test-g.tsv</c> and <c>test-h.tsv</c>, round seven's <c>test-i.tsv</c> and <c>test-j.tsv</c>, round eight's <c>test-k.tsv</c>, <c>test-l.tsv</c> and <c>test-m.tsv</c>, round nine's <c>test-n.tsv</c>, <c>test-o.tsv</c> and <c>test-p.tsv</c>, round ten's <c>test-q.tsv</c>, <c>test-r.tsv</c> and <c>test-s.tsv</c>, round eleven's <c>test-t.tsv</c>, <c>test-u.tsv</c> and <c>test-v.tsv</c>, round twelve's <c>test-w.tsv</c>, <c>test-x.tsv</c> and <c>test-y.tsv</c>, round thirteen's <c>test-z.tsv</c>, <c>test-ua.tsv</c> and <c>test-ub.tsv</c>, round fourteen's <c>test-uc.tsv</c>, <c>test-ud.tsv</c> and <c>test-ue.tsv</c>, round fifteen's <c>test-uf.tsv</c>, <c>test-ug.tsv</c> and <c>test-uh.tsv</c>.</remarks>
    public static IReadOnlyList<string> UsedTestParts { get; } = ["test.tsv", "test-a.tsv", "test-b.tsv", "test-c.tsv", "test-d.tsv", "test-e.tsv", "test-f.tsv", "test-g.tsv", "test-h.tsv", "test-i.tsv", "test-j.tsv", "test-k.tsv", "test-l.tsv", "test-m.tsv", "test-n.tsv", "test-o.tsv", "test-p.tsv", "test-q.tsv", "test-r.tsv", "test-s.tsv", "test-t.tsv", "test-u.tsv", "test-v.tsv", "test-w.tsv", "test-x.tsv", "test-y.tsv", "test-z.tsv", "test-ua.tsv", "test-ub.tsv", "test-uc.tsv", "test-ud.tsv", "test-ue.tsv", "test-uf.tsv", "test-ug.tsv", "test-uh.tsv"];

    /// <summary>
    /// The current round's test parts, the only files pooled: round sixteen's <c>test-ui.tsv</c>, <c>test-uj.tsv</c> and
    /// <c>test-uk.tsv</c> (evaluation README, round sixteen), added by the lead after the freeze; any of them may be
    /// absent, and the others are still read. Every other <c>test*.tsv</c> file is reported apart as history, never pooled.
    /// </summary>
    public static IReadOnlyList<string> CurrentTestParts { get; } = ["test-ui.tsv", "test-uj.tsv", "test-uk.tsv"];

    public static (List<LabelledMessage> Dev, List<TestPart> Tests) LoadSets(string content, List<ContentError> errors)
    {
        var folder = Path.Combine(content, "safety", Folder);
        var dev = LabelledSet.Load(Path.Combine(folder, "dev.tsv"), Path.Combine("safety", Folder, "dev.tsv"), errors);
        var tests = new List<TestPart>();
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.GetFiles(folder, "test*.tsv").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                tests.Add(new TestPart(name, LabelledSet.Load(path, Path.Combine("safety", Folder, name), errors), !CurrentTestParts.Contains(name)));
            }
        }

        return (dev, tests);
    }

    /// <summary>Screens each message directly (no bot around it).</summary>
    public static List<EvaluationOutcome> ScreenAll(SafetyScreen screen, IEnumerable<LabelledMessage> messages)
        => [.. messages.Select(m => new EvaluationOutcome(m, screen.Screen(m.Text)))];

    public static void WriteMistakes(TextWriter output, IEnumerable<EvaluationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var o in outcomes.Where(o => o.Message.IsRisk != o.Alarm || (o.Message.IsPast && o.Result.Level != RiskLevel.Past) || (o.Message.IsRisk && o.Result.Class != o.Message.Class)))
        {
            var what = o.Message.IsRisk ? (o.Alarm ? "routed" : "missed") : o.Alarm ? "ALARM" : "no ack";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-6} {o.Message.Id} [{o.Message.Label}/{o.Message.Tag}] read {o.Result.Level}/{RiskClasses.IdOf(o.Result.Class)} {o.Result.ModelRisk:F2}: {o.Message.Text}"));
        }
    }
}
