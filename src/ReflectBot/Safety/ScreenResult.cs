using ReflectBot.Content;

namespace ReflectBot.Safety;

/// <summary>
/// The safety screen's reading of one message: the level, the class (for Past, the class of what is
/// over), which layer decided ("lexicon" or "model"), and the model's risk probability when it ran.
/// </summary>
public sealed record ScreenResult(RiskLevel Level, RiskClass Class, string Layer, double? ModelRisk = null)
{
    public static ScreenResult Nothing { get; } = new(RiskLevel.None, RiskClass.None, "none");

    public bool IsAlarm => Level is RiskLevel.Clear or RiskLevel.Possible;

    /// <summary>
    /// For the model's reading: whether the lexicon found the message on any risk topic (live, past or set aside).
    /// A model-only reading (false) is what round ten's closeness rule looks at (<see cref="SafetyScreen.ForAnswer"/>).
    /// </summary>
    public bool LexiconOnTopic { get; init; }
}
