namespace ReflectBot.Content;

/// <summary>The ids risk classes have in <c>dialogs/safety/*.yaml</c>, in the evaluation set and in safety events.</summary>
public static class RiskClasses
{
    public static string IdOf(RiskClass risk) => risk switch
    {
        RiskClass.Attempt => "attempt",
        RiskClass.Suicidal => "suicidal",
        RiskClass.Voices => "voices",
        RiskClass.ChildDanger => "child-danger",
        RiskClass.HarmToOthers => "harm-to-others",
        RiskClass.Abuse => "abuse",
        RiskClass.SelfHarm => "self-harm",
        RiskClass.EatingDisorder => "eating-disorder",
        _ => "none",
    };

    public static RiskClass FromId(string? id) => id switch
    {
        "attempt" => RiskClass.Attempt,
        "suicidal" => RiskClass.Suicidal,
        "voices" => RiskClass.Voices,
        "child-danger" => RiskClass.ChildDanger,
        "harm-to-others" => RiskClass.HarmToOthers,
        "abuse" => RiskClass.Abuse,
        "self-harm" => RiskClass.SelfHarm,
        "eating-disorder" => RiskClass.EatingDisorder,
        _ => RiskClass.None,
    };

    public static IReadOnlyList<RiskClass> All { get; } =
        [RiskClass.Attempt, RiskClass.Suicidal, RiskClass.Voices, RiskClass.ChildDanger, RiskClass.HarmToOthers, RiskClass.Abuse, RiskClass.SelfHarm, RiskClass.EatingDisorder];
}
