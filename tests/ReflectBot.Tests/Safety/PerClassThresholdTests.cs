using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Model;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round ten's candidate (a): a possible-risk threshold per likeliest class. How the decision reads them, how the
/// guarded choice stays within its bound, its floor and the budget, and how <c>model.json</c> carries them (or not).
/// </summary>
public sealed class PerClassThresholdTests
{
    private static readonly int Classes = RiskClasses.All.Count;

    /// <summary>Probabilities with the given risk, all of it on one risk class (index among the risk classes).</summary>
    private static double[] Reading(int riskClass, double risk)
    {
        var p = new double[Classes + 2];
        p[0] = 1 - risk;
        p[2 + riskClass] = risk;
        return p;
    }

    [Fact]
    public void EachClassIsCheckedAtItsOwnThresholdAndNeverGetsTheFullReplyBelowIt()
    {
        var thresholds = Enumerable.Repeat(0.80, Classes).ToArray();
        thresholds[0] = 0.72;
        thresholds[1] = 0.85;

        Assert.Equal(RiskLevel.Possible, ModelDecision.Decide(Reading(0, 0.75), 0.84, thresholds).Level);
        Assert.Equal(RiskLevel.None, ModelDecision.Decide(Reading(2, 0.75), 0.84, thresholds).Level);

        // Class 1's check starts at 0.85, above the shared full reply (0.84): below 0.85 it is nothing, from it the full reply.
        Assert.Equal(RiskLevel.None, ModelDecision.Decide(Reading(1, 0.845), 0.84, thresholds).Level);
        Assert.Equal(RiskLevel.Clear, ModelDecision.Decide(Reading(1, 0.86), 0.84, thresholds).Level);
        Assert.Equal(RiskLevel.Clear, ModelDecision.Decide(Reading(2, 0.845), 0.84, thresholds).Level);
    }

    [Fact]
    public void OneThresholdForEveryClassDecidesAsTheSingleThresholdDoes()
    {
        var random = new Random(12);
        for (var n = 0; n < 500; n++)
        {
            var p = Enumerable.Range(0, Classes + 2).Select(_ => random.NextDouble()).ToArray();
            var sum = p.Sum();
            p = [.. p.Select(x => x / sum)];
            var possible = 0.3 + (random.NextDouble() * 0.4);
            Assert.Equal(ModelDecision.Decide(p, 0.75, possible), ModelDecision.Decide(p, 0.75, [.. Enumerable.Repeat(possible, Classes)]));
        }
    }

    [Fact]
    public void AShortMessageIsCheckedOnlyAtTheFullRepliesThresholdWhateverItsClass()
    {
        var thresholds = Enumerable.Repeat(0.70, Classes).ToArray();
        thresholds[3] = 0.88;
        var shortOnes = ModelDecision.PossibleFor("no keep it", 0.84, thresholds, 6);
        Assert.All(shortOnes.Take(3), t => Assert.Equal(0.84, t));
        Assert.Equal(0.88, shortOnes[3]);
        Assert.Same(thresholds, ModelDecision.PossibleFor("one two three four five six seven", 0.84, thresholds, 6));
    }

    /// <summary>
    /// Rows of one author: for each class, harmless and risk rows spread over 0.70-0.90; class 0 has many risk rows
    /// low in the band (it should come down furthest), class 1 many harmless rows there, class 2 too few rows
    /// to move at all. The lexicon alarms on some harmless rows of its own.
    /// </summary>
    private static List<SafetyExperiments.Row> Rows()
    {
        var rows = new List<SafetyExperiments.Row>();
        void Add(int count, bool risk, int cls, double from, double to)
        {
            for (var i = 0; i < count; i++)
            {
                rows.Add(new SafetyExperiments.Row("dx", risk, false, false, true, from + ((to - from) * i / Math.Max(1, count - 1)), cls));
            }
        }

        Add(60, true, 0, 0.76, 0.80);
        Add(45, false, 0, 0.76, 0.85);
        Add(50, true, 1, 0.76, 0.85);
        Add(60, false, 1, 0.76, 0.80);
        Add(10, true, 2, 0.76, 0.84);
        Add(5, false, 2, 0.76, 0.84);
        Add(2000, false, 3, 0.05, 0.30);
        for (var i = 0; i < 40; i++)
        {
            rows.Add(new SafetyExperiments.Row("dx", false, false, true, true, 0.1, 3));
        }

        return rows;
    }

    [Fact]
    public void TheGuardedChoiceStaysWithinItsBoundItsFloorAndTheBudget()
    {
        var rows = Rows();
        var shared = SafetyExperiments.SingleThreshold(rows, SafetyExperiments.ScreenFalseAlarmLimit);
        var chosen = SafetyExperiments.GuardedPerClassThresholds(rows, Classes, SafetyExperiments.ScreenFalseAlarmLimit, shared);

        Assert.All(chosen, t => Assert.InRange(t, shared - SafetyExperiments.PerClassBound - 1e-9, shared + SafetyExperiments.PerClassBound + 1e-9));
        Assert.Equal(shared, chosen[2]);
        Assert.True(chosen[0] < shared, $"class 0 at {chosen[0]:F2}, shared {shared:F2}");
        Assert.True(chosen[1] > chosen[0], $"class 1 (harmless rows low in the band) at {chosen[1]:F2}, class 0 at {chosen[0]:F2}");
        var safe = rows.Where(r => !r.IsRisk).ToList();
        Assert.True(safe.Count(r => SafetyExperiments.Alarm(r, chosen)) <= SafetyExperiments.ScreenFalseAlarmLimit * safe.Count);
        var single = Enumerable.Repeat(shared, Classes).ToArray();
        Assert.True(rows.Count(r => r.IsRisk && SafetyExperiments.Alarm(r, chosen)) > rows.Count(r => r.IsRisk && SafetyExperiments.Alarm(r, single)));
    }

    [Fact]
    public void WeightsCarryPerClassThresholdsOnlyWhenTheRuleKeptThem()
    {
        var weights = new SafetyModelWeights { Clear = 0.84, Possible = 0.8 };
        Assert.DoesNotContain("possibleByClass", weights.ToJson(), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat(0.8, Classes), weights.PossibleThresholds());

        weights.PossibleByClass = [.. Enumerable.Range(76, Classes).Select(i => i / 100.0)];
        var back = SafetyModelWeights.FromJson(weights.ToJson(), out var error);
        Assert.Null(error);
        Assert.Equal(weights.PossibleByClass, back!.PossibleByClass);
        Assert.Equal(0.77, back.PossibleThresholds()[1]);

        var shipped = SafetyModelWeights.FromJson(File.ReadAllText(Path.Combine(ReflectBot.Tests.Journeys.ContentFolders.Shipped, "safety", "model.json")), out _)!;
        Assert.Null(shipped.Problem(null, null));
        shipped.PossibleByClass = [0.8, 0.8];
        Assert.Contains("possibleByClass", shipped.Problem(null, null), StringComparison.Ordinal);
        shipped.PossibleByClass = [.. Enumerable.Repeat(0.8, Classes - 1), 1.2];
        Assert.Contains("possibleByClass", shipped.Problem(null, null), StringComparison.Ordinal);
    }
}
