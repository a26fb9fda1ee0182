namespace ReflectBot.Content;

/// <summary>What the safety screen looks for, most urgent first (a message that names several is reported as the first).</summary>
public enum RiskClass
{
    None = 0,

    /// <summary>An attempt happening or just made: the emergency number comes first.</summary>
    Attempt,
    Suicidal,

    /// <summary>Voices, or something in their head, telling them to hurt themselves or someone else.</summary>
    Voices,

    /// <summary>A child hurt or in danger now (the user, when they are a minor), or a fear of hurting a child.</summary>
    ChildDanger,
    HarmToOthers,

    /// <summary>Abuse happening now, coercive control included.</summary>
    Abuse,
    SelfHarm,
    EatingDisorder,
}
