using System.Text;
using ReflectBot.Content;
using ReflectBot.Journal;

namespace ReflectBot.Safety;

/// <summary>The sections of a safety plan (the steps of <c>dialogs/journeys/safety-plan.yaml</c>) and how the plan reads back.</summary>
public static class SafetyPlan
{
    public const string JourneyId = "safety-plan";

    /// <summary>Each step of the journey and the heading its answer has in the plan read back.</summary>
    public static IReadOnlyList<(string StepId, StringKey Heading)> Sections { get; } =
    [
        ("warning-signs", SafetyStrings.PlanWarningSigns),
        ("coping-alone", SafetyStrings.PlanCopingAlone),
        ("distractions", SafetyStrings.PlanDistractions),
        ("people-to-ask", SafetyStrings.PlanPeopleToAsk),
        ("professionals", SafetyStrings.PlanProfessionals),
        ("safer-surroundings", SafetyStrings.PlanSaferSurroundings),
        ("reasons-for-living", SafetyStrings.PlanReasonsForLiving),
    ];

    public static string Render(JournalEntry plan, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(strings);
        var text = new StringBuilder(strings[SafetyStrings.PlanTitle]);
        foreach (var (stepId, heading) in Sections)
        {
            if (plan.Answers.TryGetValue(stepId, out var answer) && !string.IsNullOrWhiteSpace(answer) && !answer.Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                text.Append("\n\n**").Append(strings[heading]).Append("**\n").Append(answer.Trim());
            }
        }

        return text.ToString();
    }
}
