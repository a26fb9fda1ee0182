using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>The words of per-client settings, in <c>dialogs/strings/clinic-settings.yaml</c>.</summary>
public static class SettingsStrings
{
    public static readonly StringKey Heading = new("clinic-settings.heading", "clinician");
    public static readonly StringKey ClinicianHeading = new("clinic-settings.clinicianHeading", "client");
    public static readonly StringKey JourneysOff = new("clinic-settings.journeysOff", "titles");
    public static readonly StringKey NoJourneysOff = new("clinic-settings.noJourneysOff");
    public static readonly StringKey CardsOff = new("clinic-settings.cardsOff");
    public static readonly StringKey CardsOn = new("clinic-settings.cardsOn");
    public static readonly StringKey MeasuresSome = new("clinic-settings.measuresSome", "measures");
    public static readonly StringKey MeasuresAll = new("clinic-settings.measuresAll");
    public static readonly StringKey MeasuresNone = new("clinic-settings.measuresNone");
    public static readonly StringKey NothingSet = new("clinic-settings.nothingSet");

    public static readonly StringKey Saved = new("clinic-settings.saved", "client", "lines");
    public static readonly StringKey ClientGone = new("clinic-settings.clientGone");
    public static readonly StringKey UnknownItem = new("clinic-settings.unknownItem", "what");
    public static readonly StringKey UnknownMeasure = new("clinic-settings.unknownMeasure", "what", "measures");

    public static readonly StringKey JourneyOffNotice = new("clinic-settings.journeyOffNotice", "clinician", "title");
    public static readonly StringKey JourneyOnNotice = new("clinic-settings.journeyOnNotice", "clinician", "title");
    public static readonly StringKey CardsOffNotice = new("clinic-settings.cardsOffNotice", "clinician");
    public static readonly StringKey CardsOnNotice = new("clinic-settings.cardsOnNotice", "clinician");
    public static readonly StringKey MeasuresNotice = new("clinic-settings.measuresNotice", "clinician", "measures");
    public static readonly StringKey MeasuresAllNotice = new("clinic-settings.measuresAllNotice", "clinician");
    public static readonly StringKey MeasuresNoneNotice = new("clinic-settings.measuresNoneNotice", "clinician");

    public static readonly StringKey MeasureNotOffered = new("clinic-settings.measureNotOffered", "clinician", "title");
}
