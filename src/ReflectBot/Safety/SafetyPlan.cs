using System.Text;
using ReflectBot.Journal;

namespace ReflectBot.Safety;

/// <summary>The sections of a safety plan (the steps of <c>dialogs/journeys/safety-plan.yaml</c>) and how the plan reads back.</summary>
public static class SafetyPlan
{
    public const string JourneyId = "safety-plan";

    public static IReadOnlyList<(string StepId, string Heading)> Sections { get; } =
    [
        ("warning-signs", "My warning signs"),
        ("coping-alone", "Things that help me cope on my own"),
        ("distractions", "People and places that distract me"),
        ("people-to-ask", "People I can ask for help"),
        ("professionals", "Professionals and services I can contact"),
        ("safer-surroundings", "Making my surroundings safer"),
        ("reasons-for-living", "My reasons for living"),
    ];

    public static string Render(JournalEntry plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder("Your safety plan:");
        foreach (var (stepId, heading) in Sections)
        {
            if (plan.Answers.TryGetValue(stepId, out var answer) && !string.IsNullOrWhiteSpace(answer) && !answer.Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                text.Append("\n\n**").Append(heading).Append("**\n").Append(answer.Trim());
            }
        }

        return text.ToString();
    }
}
