using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>The words of the time between sessions, in <c>dialogs/strings/clinic-sessions.yaml</c>: the summary, notes, session dates, replies and flags.</summary>
public static class SessionStrings
{
    public static readonly StringKey SummaryTitle = new("clinic-sessions.summaryTitle", "client");
    public static readonly StringKey SummaryPeriod = new("clinic-sessions.summaryPeriod", "from", "to");
    public static readonly StringKey SummaryNext = new("clinic-sessions.summaryNext", "when");
    public static readonly StringKey SummarySpeak = new("clinic-sessions.summarySpeak", "client", "from");
    public static readonly StringKey Completion = new("clinic-sessions.completion", "done", "missed");
    public static readonly StringKey CompletionNotShared = new("clinic-sessions.completionNotShared", "client");
    public static readonly StringKey Mood = new("clinic-sessions.mood", "count", "latest");
    public static readonly StringKey MoodNone = new("clinic-sessions.moodNone");
    public static readonly StringKey MoodNotShared = new("clinic-sessions.moodNotShared", "client");
    public static readonly StringKey ChartAlt = new("clinic-sessions.chartAlt", "client", "count", "from", "to", "latest");
    public static readonly StringKey MeasuresHeading = new("clinic-sessions.measuresHeading");
    public static readonly StringKey MeasureLine = new("clinic-sessions.measureLine", "measure", "date", "score", "max", "band");
    public static readonly StringKey MeasuresNone = new("clinic-sessions.measuresNone");
    public static readonly StringKey MeasuresNotShared = new("clinic-sessions.measuresNotShared", "client");
    public static readonly StringKey MeasureItemsNotShared = new("clinic-sessions.measureItemsNotShared");
    public static readonly StringKey SafetyOne = new("clinic-sessions.safetyOne");
    public static readonly StringKey SafetyMany = new("clinic-sessions.safetyMany", "count");
    public static readonly StringKey SafetyNotShared = new("clinic-sessions.safetyNotShared", "client");
    public static readonly StringKey EntriesHeading = new("clinic-sessions.entriesHeading");
    public static readonly StringKey EntriesNone = new("clinic-sessions.entriesNone");
    public static readonly StringKey EntriesNotShared = new("clinic-sessions.entriesNotShared", "client");
    public static readonly StringKey EntryHeading = new("clinic-sessions.entryHeading", "title", "date");
    public static readonly StringKey FlagsHeading = new("clinic-sessions.flagsHeading");
    public static readonly StringKey FlagsNone = new("clinic-sessions.flagsNone");
    public static readonly StringKey FlagText = new("clinic-sessions.flagText", "date", "text");
    public static readonly StringKey FlagEntry = new("clinic-sessions.flagEntry", "date", "title");
    public static readonly StringKey ExportButton = new("clinic-sessions.exportButton");
    public static readonly StringKey NotesIntro = new("clinic-sessions.notesIntro", "when", "client");
    public static readonly StringKey NoSuchClient = new("clinic-sessions.noSuchClient", "name");
    public static readonly StringKey ExportTitle = new("clinic-sessions.exportTitle", "client");
    public static readonly StringKey ExportText = new("clinic-sessions.exportText", "minutes", "pdf", "markdown");
    public static readonly StringKey ExportAttached = new("clinic-sessions.exportAttached", "client");
    public static readonly StringKey DownloadPdf = new("clinic-sessions.downloadPdf");
    public static readonly StringKey DownloadMarkdown = new("clinic-sessions.downloadMarkdown");
    public static readonly StringKey SessionSet = new("clinic-sessions.sessionSet", "client", "when");
    public static readonly StringKey SessionUnclear = new("clinic-sessions.sessionUnclear");
    public static readonly StringKey SessionPast = new("clinic-sessions.sessionPast");
    public static readonly StringKey SummaryDue = new("clinic-sessions.summaryDue", "client", "when");
    public static readonly StringKey ReplySaved = new("clinic-sessions.replySaved", "client");
    public static readonly StringKey ReplyTooLong = new("clinic-sessions.replyTooLong", "max");
    public static readonly StringKey ReplyHeld = new("clinic-sessions.replyHeld", "client");
    public static readonly StringKey ReplyHeldHarmful = new("clinic-sessions.replyHeldHarmful", "client");
    public static readonly StringKey ReplyShown = new("clinic-sessions.replyShown", "clinician", "title", "text");
    public static readonly StringKey FlagSaved = new("clinic-sessions.flagSaved", "clinicians");
    public static readonly StringKey FlagNoClinician = new("clinic-sessions.flagNoClinician");
    public static readonly StringKey FlagNothing = new("clinic-sessions.flagNothing");
}
