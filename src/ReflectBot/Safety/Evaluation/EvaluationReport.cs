using System.Globalization;
using System.Text;
using ReflectBot.Content;

namespace ReflectBot.Safety.Evaluation;

/// <summary>
/// Per class recall and, on the harmless messages (none and past), the false-alarm rate, each with its 95 %
/// Wilson interval. An alarm is any crisis reply or possible-risk check; past-experience acknowledgements
/// are counted apart (they are the right answer to a past message and no alarm).
/// </summary>
public static class EvaluationReport
{
    public static string Format(string title, IReadOnlyList<EvaluationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {outcomes.Count} messages");
        text.AppendLine("  class              n   recall  (95% CI)          full reply  own class");
        var all = new ClassFigures();
        foreach (var risk in RiskClasses.All)
        {
            var figures = Figures(outcomes.Where(o => o.Message.Class == risk), risk);
            Add(all, figures);
            if (figures.Positives > 0)
            {
                text.AppendLine(Row(RiskClasses.IdOf(risk), figures));
            }
        }

        text.AppendLine(Row("all crisis classes", all));
        foreach (var label in new[] { LabelledSet.None, LabelledSet.Past })
        {
            var harmless = outcomes.Where(o => o.Message.Label == label).ToList();
            if (harmless.Count == 0)
            {
                continue;
            }

            var alarms = harmless.Count(o => o.Alarm);
            var acknowledged = harmless.Count(o => o.Result.Level == RiskLevel.Past);
            var (low, high) = Wilson.Interval(alarms, harmless.Count);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-16} {harmless.Count,4}   false-alarm rate {alarms / (double)harmless.Count:F3} ({low:F3}-{high:F3}), {alarms} alarms; past acknowledgement {acknowledged}");
        }

        var safe = outcomes.Where(o => !o.Message.IsRisk).ToList();
        if (safe.Count > 0)
        {
            var alarms = safe.Count(o => o.Alarm);
            var (low, high) = Wilson.Interval(alarms, safe.Count);
            text.AppendLine(CultureInfo.InvariantCulture, $"  none+past        {safe.Count,4}   false-alarm rate {alarms / (double)safe.Count:F3} ({low:F3}-{high:F3})");
        }

        return text.ToString();
    }

    /// <summary>
    /// Per class, which other class's reply its alarmed messages got ("voices 51 of 200 routed elsewhere:
    /// suicidal 40, self-harm 11"). For the development part and the cross-validation only: on a test part it
    /// would say which kinds of its messages the screen answers wrongly, and nobody tunes on that.
    /// </summary>
    public static string Routing(string title, IReadOnlyList<EvaluationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: the reply each class's alarmed messages got when it was another class's");
        foreach (var risk in RiskClasses.All)
        {
            var alarmed = outcomes.Where(o => o.Message.Class == risk && o.Message.IsRisk && o.Alarm).ToList();
            var elsewhere = alarmed.Where(o => o.Result.Class != risk).GroupBy(o => o.Result.Class).OrderByDescending(g => g.Count()).ThenBy(g => (int)g.Key).ToList();
            if (alarmed.Count == 0)
            {
                continue;
            }

            var to = elsewhere.Count == 0 ? "none" : string.Join(", ", elsewhere.Select(g => string.Create(CultureInfo.InvariantCulture, $"{RiskClasses.IdOf(g.Key)} {g.Count()}")));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {RiskClasses.IdOf(risk),-16} {elsewhere.Sum(g => g.Count()),4} of {alarmed.Count,-4} routed elsewhere: {to}");
        }

        return text.ToString();
    }

    public static ClassFigures Figures(IEnumerable<EvaluationOutcome> outcomes, RiskClass? risk = null)
    {
        var figures = new ClassFigures();
        foreach (var outcome in outcomes.Where(o => o.Message.IsRisk))
        {
            figures.Positives++;
            if (outcome.Alarm)
            {
                figures.Caught++;
                figures.CaughtClear += outcome.Result.Level == RiskLevel.Clear ? 1 : 0;
                figures.RightClass += outcome.Result.Class == (risk ?? outcome.Message.Class) ? 1 : 0;
            }
        }

        return figures;
    }

    private static void Add(ClassFigures total, ClassFigures part)
    {
        total.Positives += part.Positives;
        total.Caught += part.Caught;
        total.CaughtClear += part.CaughtClear;
        total.RightClass += part.RightClass;
    }

    private static string Row(string name, ClassFigures f)
    {
        var (low, high) = Wilson.Interval(f.Caught, f.Positives);
        return string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {f.Positives,4}   {f.Recall:F3}  ({low:F3}-{high:F3})   {f.CaughtClear,4}/{f.Caught,-4}  {f.RightClass,4}/{f.Caught}");
    }
}
