namespace ReflectBot.Safety;

/// <summary>The ids risk classes have in <c>dialogs/safety/lexicon.yaml</c> and in safety events.</summary>
public static class RiskClasses
{
    public static string IdOf(RiskClass risk) => risk switch
    {
        RiskClass.Suicidal => "suicidal",
        RiskClass.SelfHarm => "self-harm",
        RiskClass.HarmToOthers => "harm-to-others",
        RiskClass.Abuse => "abuse",
        _ => "none",
    };

    public static RiskClass FromId(string? id) => id switch
    {
        "suicidal" => RiskClass.Suicidal,
        "self-harm" => RiskClass.SelfHarm,
        "harm-to-others" => RiskClass.HarmToOthers,
        "abuse" => RiskClass.Abuse,
        _ => RiskClass.None,
    };

    public static IReadOnlyList<RiskClass> All { get; } = [RiskClass.Suicidal, RiskClass.SelfHarm, RiskClass.HarmToOthers, RiskClass.Abuse];
}
