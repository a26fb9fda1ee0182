using ReflectBot.Content;

namespace ReflectBot.Safety;

/// <summary>
/// The safety feature's own sentences, in <c>dialogs/strings/safety.yaml</c>. The crisis replies themselves are in
/// <c>dialogs/safety/replies.yaml</c> (<see cref="SafetyReplies"/>).
/// </summary>
public static class SafetyStrings
{
    /// <summary>{region}: the region's name ("the United Kingdom").</summary>
    public static readonly StringKey CardSupportIn = new("safety.cardSupportIn", "region");

    public static readonly StringKey CardEmergency = new("safety.cardEmergency", "emergency");

    /// <summary>{name}, {how}, {url}: the international directory's.</summary>
    public static readonly StringKey CardNoRegion = new("safety.cardNoRegion", "name", "how", "url");

    public static readonly StringKey CardAskRegion = new("safety.cardAskRegion");

    /// <summary>What {emergency} says when the region is not known.</summary>
    public static readonly StringKey EmergencyUnknown = new("safety.emergencyUnknown");

    /// <summary>What {lines} says when the region is not known: the directory's {name} and {url}.</summary>
    public static readonly StringKey LinesDirectory = new("safety.linesDirectory", "name", "url");

    /// <summary>Two or more lines: {others} comma-separated, then {last}.</summary>
    public static readonly StringKey LinesAnd = new("safety.linesAnd", "others", "last");

    public static readonly StringKey RegionAskUnknown = new("safety.regionAskUnknown");

    public static readonly StringKey RegionAskKnown = new("safety.regionAskKnown", "region");

    public static readonly StringKey RegionSet = new("safety.regionSet", "region");

    /// <summary>No lines for the place named: the directory's {name} and {url}.</summary>
    public static readonly StringKey RegionNoLines = new("safety.regionNoLines", "name", "url");

    public static readonly StringKey PlanTitle = new("safety.planTitle");

    public static readonly StringKey PlanWarningSigns = new("safety.planWarningSigns");

    public static readonly StringKey PlanCopingAlone = new("safety.planCopingAlone");

    public static readonly StringKey PlanDistractions = new("safety.planDistractions");

    public static readonly StringKey PlanPeopleToAsk = new("safety.planPeopleToAsk");

    public static readonly StringKey PlanProfessionals = new("safety.planProfessionals");

    public static readonly StringKey PlanSaferSurroundings = new("safety.planSaferSurroundings");

    public static readonly StringKey PlanReasonsForLiving = new("safety.planReasonsForLiving");

    public static readonly StringKey PlanChange = new("safety.planChange");

    public static readonly StringKey PlanNone = new("safety.planNone");

    public static readonly StringKey MomentTitle = new("safety.momentTitle");

    public static readonly StringKey ErasedPlan = new("safety.erasedPlan");
}
