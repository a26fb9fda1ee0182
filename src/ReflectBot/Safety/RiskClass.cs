namespace ReflectBot.Safety;

/// <summary>What the safety screen looks for, most urgent first (a message that names several is reported as the first).</summary>
public enum RiskClass
{
    None = 0,
    Suicidal,
    SelfHarm,
    HarmToOthers,
    Abuse,
}
