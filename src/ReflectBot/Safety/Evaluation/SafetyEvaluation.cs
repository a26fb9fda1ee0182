using System.Diagnostics;
using System.Globalization;
using ReflectBot.Content;

namespace ReflectBot.Safety.Evaluation;

/// <summary>
/// <c>evaluate-safety</c>: the screen on the labelled sets in <c>dialogs/safety/evaluation/</c>, the
/// development part (<c>dev.tsv</c>) and, when present, the test part (<c>test.tsv</c>), reported apart.
/// </summary>
public static class SafetyEvaluation
{
    public const string Folder = "evaluation";

    public static (List<LabelledMessage> Dev, List<LabelledMessage>? Test) LoadSets(string content, List<ContentError> errors)
    {
        var folder = Path.Combine(content, "safety", Folder);
        var dev = LabelledSet.Load(Path.Combine(folder, "dev.tsv"), Path.Combine("safety", Folder, "dev.tsv"), errors);
        var testPath = Path.Combine(folder, "test.tsv");
        var test = File.Exists(testPath) ? LabelledSet.Load(testPath, Path.Combine("safety", Folder, "test.tsv"), errors) : null;
        return (dev, test);
    }

    /// <summary>Screens each message directly (no bot around it).</summary>
    public static List<EvaluationOutcome> ScreenAll(SafetyScreen screen, IEnumerable<LabelledMessage> messages)
        => [.. messages.Select(m => new EvaluationOutcome(m, screen.Screen(m.Text)))];

    public static void WriteMistakes(TextWriter output, IEnumerable<EvaluationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var o in outcomes.Where(o => o.Message.IsRisk != o.Alarm || (o.Message.IsPast && o.Result.Level != RiskLevel.Past)))
        {
            var what = o.Message.IsRisk ? "missed" : o.Alarm ? "ALARM" : "no ack";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-6} {o.Message.Id} [{o.Message.Label}/{o.Message.Tag}] read {o.Result.Level}/{RiskClasses.IdOf(o.Result.Class)} {o.Result.ModelRisk:F2}: {o.Message.Text}"));
        }
    }
}
