using System.Globalization;
using System.Text;
using ReflectBot.Content;
using ReflectBot.Safety.Evaluation;

namespace ReflectBot.Safety.Model;

/// <summary>
/// <c>train-safety --experiments</c>: what round four measured by cross-validation across authors, on the
/// out-of-fold probabilities the training command already has (no refit): the n-gram head's share with and
/// without a length gate, and the operating point (one possible-risk threshold or one per class), each
/// chosen on all authors but one and measured on that one. Figures only; nothing here is written to the model.
/// </summary>
public static class SafetyExperiments
{
    /// <summary>Whole-screen false alarms (none + past) the possible-risk check may reach: the rule written before round four's figures.</summary>
    public const double ScreenFalseAlarmLimit = 0.05;

    private const string Indent = "    ";

    private static readonly double[] Grid = [.. Enumerable.Range(5, 91).Select(i => i / 100.0)];

    /// <summary>One held-out message as the operating point sees it.</summary>
    public sealed record Row(string Author, bool IsRisk, bool IsPast, bool LexiconAlarm, bool Free, double Risk, int Likeliest);

    public static List<Row> Rows(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(probabilities);
        return [.. held.Select(i => new Row(messages[i].Author, messages[i].IsRisk, messages[i].IsPast, readings[i].Live != RiskClass.None, FreeText.Has(messages[i].Text), ModelDecision.Risk(probabilities[i]), Likeliest(probabilities[i])))];
    }

    /// <summary>The index among the risk classes (0-based) of the likeliest one.</summary>
    public static int Likeliest(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var best = 2;
        for (var k = 3; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best - 2;
    }

    public static bool Alarm(Row row, double[] possible)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(possible);
        return row.LexiconAlarm || (row.Free && row.Risk >= possible[row.Likeliest]);
    }

    /// <summary>Round eight's candidate, written before its figures: none and past each within a budget of their own.</summary>
    public const double NoneFalseAlarmLimit = 0.04;

    /// <summary>A check on a past message counted as half the harm of one on a none message: twice the budget.</summary>
    public const double PastFalseAlarmLimit = 0.08;

    /// <summary>
    /// The lowest single threshold at which the whole screen alarms on at most <paramref name="noneLimit"/> of the
    /// none messages and at most <paramref name="pastLimit"/> of the past messages, each counted apart.
    /// </summary>
    public static double SeparateThreshold(IReadOnlyList<Row> rows, double noneLimit, double pastLimit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var none = rows.Where(r => !r.IsRisk && !r.IsPast).ToList();
        var past = rows.Where(r => r.IsPast).ToList();
        foreach (var t in Grid)
        {
            if (none.Count(r => r.LexiconAlarm || (r.Free && r.Risk >= t)) <= noneLimit * none.Count
                && past.Count(r => r.LexiconAlarm || (r.Free && r.Risk >= t)) <= pastLimit * past.Count)
            {
                return t;
            }
        }

        return Grid[^1];
    }

    /// <summary>The lowest single threshold at which the whole screen stays within the false-alarm limit.</summary>
    public static double SingleThreshold(IReadOnlyList<Row> rows, double limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var safe = rows.Where(r => !r.IsRisk).ToList();
        foreach (var t in Grid)
        {
            var alarms = safe.Count(r => r.LexiconAlarm || (r.Free && r.Risk >= t));
            if (alarms <= limit * safe.Count)
            {
                return t;
            }
        }

        return Grid[^1];
    }

    /// <summary>
    /// One threshold per likeliest class: all start at the highest, and each step lowers the one class's
    /// threshold that buys the most risk messages per false alarm, while the whole screen stays within the limit.
    /// </summary>
    public static double[] PerClassThresholds(IReadOnlyList<Row> rows, int classes, double limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var thresholds = Enumerable.Repeat(Grid[^1], classes).ToArray();
        var safe = rows.Where(r => !r.IsRisk).ToList();
        var allowed = (int)Math.Floor(limit * safe.Count);
        var alarms = safe.Count(r => Alarm(r, thresholds));
        while (true)
        {
            (int Class, double Threshold, double Ratio, int Cost)? best = null;
            for (var c = 0; c < classes; c++)
            {
                var mine = rows.Where(r => r.Likeliest == c && r.Free && !r.LexiconAlarm).ToList();
                foreach (var t in Grid.Where(t => t < thresholds[c]))
                {
                    var gain = mine.Count(r => r.IsRisk && r.Risk >= t && r.Risk < thresholds[c]);
                    var cost = mine.Count(r => !r.IsRisk && r.Risk >= t && r.Risk < thresholds[c]);
                    if (gain == 0 || alarms + cost > allowed)
                    {
                        continue;
                    }

                    var ratio = gain / (cost + 0.5);
                    if (best is null || ratio > best.Value.Ratio)
                    {
                        best = (c, t, ratio, cost);
                    }
                }
            }

            if (best is null)
            {
                return thresholds;
            }

            thresholds[best.Value.Class] = best.Value.Threshold;
            alarms += best.Value.Cost;
        }
    }

    /// <summary>Round ten's bound: a class's possible-risk threshold stays within this of the shared one.</summary>
    public const double PerClassBound = 0.05;

    /// <summary>Round ten's floor: harmless and risk rows a class needs (each) in the bound's band around the shared threshold to move off it.</summary>
    public const int PerClassFloor = 40;

    /// <summary>
    /// Round ten's candidate (a), written before its figures: one possible-risk threshold per likeliest class, guarded
    /// against fitting a few harmless messages. <paramref name="shared"/> is the single threshold chosen on the same rows.
    /// A class moves off it only with at least <see cref="PerClassFloor"/> harmless and as many risk rows (lexicon silent,
    /// free text) in the band shared ± <see cref="PerClassBound"/>; those classes start at the band's top, and each greedy
    /// step lowers the one class whose next threshold (any grid value down to the band's bottom) buys the most risk rows
    /// per (harmless alarms + 1), while the whole screen stays within <paramref name="limit"/> of none + past.
    /// </summary>
    public static double[] GuardedPerClassThresholds(IReadOnlyList<Row> rows, int classes, double limit, double shared)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var low = Math.Round(shared - PerClassBound, 2);
        var high = Math.Round(shared + PerClassBound, 2);
        var thresholds = Enumerable.Repeat(shared, classes).ToArray();
        var free = rows.Where(r => r.Free && !r.LexiconAlarm && r.Risk >= low - 1e-9 && r.Risk <= high + 1e-9).ToList();
        var movable = Enumerable.Range(0, classes).Where(c => free.Count(r => r.Likeliest == c && !r.IsRisk) >= PerClassFloor && free.Count(r => r.Likeliest == c && r.IsRisk) >= PerClassFloor).ToList();
        foreach (var c in movable)
        {
            thresholds[c] = high;
        }

        var safe = rows.Where(r => !r.IsRisk).ToList();
        var allowed = (int)Math.Floor(limit * safe.Count);
        var alarms = safe.Count(r => Alarm(r, thresholds));
        while (true)
        {
            (int Class, double Threshold, double Ratio, int Cost)? best = null;
            foreach (var c in movable)
            {
                var mine = free.Where(r => r.Likeliest == c).ToList();
                foreach (var t in Grid.Where(t => t < thresholds[c] - 1e-9 && t >= low - 1e-9))
                {
                    var gain = mine.Count(r => r.IsRisk && r.Risk >= t && r.Risk < thresholds[c]);
                    var cost = mine.Count(r => !r.IsRisk && r.Risk >= t && r.Risk < thresholds[c]);
                    if (gain == 0 || alarms + cost > allowed)
                    {
                        continue;
                    }

                    var ratio = gain / (cost + 1.0);
                    if (best is null || ratio > best.Value.Ratio + 1e-12)
                    {
                        best = (c, t, ratio, cost);
                    }
                }
            }

            if (best is null)
            {
                return thresholds;
            }

            thresholds[best.Value.Class] = best.Value.Threshold;
            alarms += best.Value.Cost;
        }
    }

    /// <summary>
    /// Round ten's test of (a): the single threshold against the guarded per-class ones, both chosen on every author
    /// but one and applied to that one (nested leave-one-author-out), pooled. Returns the figures and whether the rule
    /// keeps per-class thresholds (pooled recall higher, none + past false alarms not higher).
    /// </summary>
    public static (string Report, bool Keep) NestedGuarded(IReadOnlyList<Row> rows, int classes, double limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var authors = rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).ToList();
        var single = new List<(Row Row, bool Alarm)>();
        var perClass = new List<(Row Row, bool Alarm)>();
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"per-class possible-risk thresholds, round ten's guarded rule (bound ±{PerClassBound:F2}, floor {PerClassFloor}), nested leave-one-author-out:"));
        foreach (var author in authors)
        {
            var train = rows.Where(r => r.Author != author).ToList();
            var test = rows.Where(r => r.Author == author).ToList();
            var t = SingleThreshold(train, limit);
            var ts = Enumerable.Repeat(t, classes).ToArray();
            var tc = GuardedPerClassThresholds(train, classes, limit, t);
            single.AddRange(test.Select(r => (r, Alarm(r, ts))));
            perClass.AddRange(test.Select(r => (r, Alarm(r, tc))));
            var (rs, fs) = Figures(test, r => Alarm(r, ts));
            var (rc, fc) = Figures(test, r => Alarm(r, tc));
            text.Append(Indent).AppendLine(string.Create(CultureInfo.InvariantCulture, $"{author}: single {t:F2} {rs:F3}/{fs:F3}; per class [{string.Join(" ", tc.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}] {rc:F3}/{fc:F3}"));
        }

        int Caught(List<(Row Row, bool Alarm)> o) => o.Count(x => x.Row.IsRisk && x.Alarm);
        int False(List<(Row Row, bool Alarm)> o) => o.Count(x => !x.Row.IsRisk && x.Alarm);
        var (r1, f1) = Pooled(single);
        var (r2, f2) = Pooled(perClass);
        var keep = Caught(perClass) > Caught(single) && False(perClass) <= False(single);
        text.Append(Indent).AppendLine(string.Create(CultureInfo.InvariantCulture, $"nested pooled: single {r1:F4} ({Caught(single)}) / {f1:F4} ({False(single)}), per class {r2:F4} ({Caught(perClass)}) / {f2:F4} ({False(perClass)}): {(keep ? "KEPT" : "rejected")} (kept only if recall rises and none+past does not)"));
        for (var c = 0; c < classes; c++)
        {
            var cls = c;
            text.Append(Indent).AppendLine(string.Create(CultureInfo.InvariantCulture, $"  likeliest {RiskClasses.IdOf(RiskClasses.All[c])}: risk caught single {single.Count(x => x.Row.Likeliest == cls && x.Row.IsRisk && x.Alarm)}, per class {perClass.Count(x => x.Row.Likeliest == cls && x.Row.IsRisk && x.Alarm)}; harmless alarms single {single.Count(x => x.Row.Likeliest == cls && !x.Row.IsRisk && x.Alarm)}, per class {perClass.Count(x => x.Row.Likeliest == cls && !x.Row.IsRisk && x.Alarm)}"));
        }

        return (text.ToString(), keep);
    }

    /// <summary>Recall and none+past false alarms of the rows at the given thresholds.</summary>
    public static (double Recall, double FalseAlarms) Figures(IEnumerable<Row> rows, Func<Row, bool> alarm)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(alarm);
        var list = rows.ToList();
        var risk = list.Where(r => r.IsRisk).ToList();
        var safe = list.Where(r => !r.IsRisk).ToList();
        return (risk.Count(alarm) / (double)Math.Max(1, risk.Count), safe.Count(alarm) / (double)Math.Max(1, safe.Count));
    }

    /// <summary>Single against per-class thresholds, each chosen on all authors but one and measured on that one.</summary>
    public static string Nested(IReadOnlyList<Row> rows, int classes, double limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var authors = rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).ToList();
        var single = new List<(Row Row, bool Alarm)>();
        var perClass = new List<(Row Row, bool Alarm)>();
        var text = new StringBuilder();
        foreach (var author in authors)
        {
            var train = rows.Where(r => r.Author != author).ToList();
            var test = rows.Where(r => r.Author == author).ToList();
            var t = SingleThreshold(train, limit);
            var ts = Enumerable.Repeat(t, classes).ToArray();
            var tc = PerClassThresholds(train, classes, limit);
            single.AddRange(test.Select(r => (r, Alarm(r, ts))));
            perClass.AddRange(test.Select(r => (r, Alarm(r, tc))));
            var (rs, fs) = Figures(test, r => Alarm(r, ts));
            var (rc, fc) = Figures(test, r => Alarm(r, tc));
            text.Append(Indent).AppendLine(string.Create(CultureInfo.InvariantCulture, $"{author}: single {t:F2} {rs:F3}/{fs:F3}; per class [{string.Join(" ", tc.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}] {rc:F3}/{fc:F3}"));
        }

        var (r1, f1) = Pooled(single);
        var (r2, f2) = Pooled(perClass);
        text.Append(Indent).AppendLine(string.Create(CultureInfo.InvariantCulture, $"nested pooled: single {r1:F3}/{f1:F3}, per class {r2:F3}/{f2:F3}"));
        return text.ToString();
    }

    private static (double Recall, double FalseAlarms) Pooled(List<(Row Row, bool Alarm)> outcomes)
    {
        var risk = outcomes.Where(o => o.Row.IsRisk).ToList();
        var safe = outcomes.Where(o => !o.Row.IsRisk).ToList();
        return (risk.Count(o => o.Alarm) / (double)Math.Max(1, risk.Count), safe.Count(o => o.Alarm) / (double)Math.Max(1, safe.Count));
    }
}
