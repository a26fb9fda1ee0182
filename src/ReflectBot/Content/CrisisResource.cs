namespace ReflectBot.Content;

/// <summary>One line or directory, what it is for ("crisis", "abuse", "children", "eating"), and the date a person last checked it.</summary>
public sealed record CrisisResource(string Name, string? Number, string How, string? Url, DateOnly Checked, IReadOnlyList<string> For)
{
    public const string Crisis = "crisis";

    /// <summary>The topics of the lines a reply for a class shows, beside the crisis lines.</summary>
    public static IReadOnlyList<string> TopicsOf(RiskClass risk) => risk switch
    {
        RiskClass.Abuse => ["abuse"],
        RiskClass.ChildDanger => ["children", "abuse"],
        RiskClass.EatingDisorder => ["eating"],
        _ => [],
    };

    public static IReadOnlyList<string> Topics { get; } = [Crisis, "abuse", "children", "eating"];
}
