using ReflectBot.Content;

namespace ReflectBot.Journal;

/// <summary>What the journal's commands, its mood chart and its export say, in <c>dialogs/strings/journal.yaml</c>.</summary>
public static class JournalStrings
{
    public static readonly StringKey LatestHeading = new("journal.latestHeading");

    /// <summary>{from} and {to}: the first and last day, as "3 Mar".</summary>
    public static readonly StringKey FromHeading = new("journal.fromHeading", "from", "to");

    public static readonly StringKey AboutHeading = new("journal.aboutHeading", "query");
    public static readonly StringKey DatesUnclear = new("journal.datesUnclear", "phrase");
    public static readonly StringKey Empty = new("journal.empty");
    public static readonly StringKey NoneFound = new("journal.noneFound");
    public static readonly StringKey MoreEntries = new("journal.moreEntries", "count");
    public static readonly StringKey ListFooter = new("journal.listFooter");

    /// <summary>{number}. {when} · {title}: one line of a listing.</summary>
    public static readonly StringKey ListLine = new("journal.listLine", "number", "when", "title");

    public static readonly StringKey ListLineWithMood = new("journal.listLineWithMood", "number", "when", "title", "mood");
    public static readonly StringKey ListFirstToRead = new("journal.listFirstToRead");
    public static readonly StringKey ListFirstToDelete = new("journal.listFirstToDelete");
    public static readonly StringKey PickNumber = new("journal.pickNumber", "max");
    public static readonly StringKey EntryGone = new("journal.entryGone");
    /// <summary>"delete entry 2" asks first, naming the entry: {title} its journey, {when} as "Mon 30 Nov 2026, 07:40".</summary>
    public static readonly StringKey ConfirmDelete = new("journal.confirmDelete", "number", "title", "when");

    public static readonly StringKey EntryKept = new("journal.entryKept", "number");
    public static readonly StringKey EntryDeleted = new("journal.entryDeleted", "number", "title", "when");
    public static readonly StringKey CannotEdit = new("journal.cannotEdit");
    public static readonly StringKey CannotEditNumber = new("journal.cannotEditNumber", "number");
    public static readonly StringKey EntryHeading = new("journal.entryHeading", "title", "when");
    public static readonly StringKey EntryMood = new("journal.entryMood", "mood");

    public static readonly StringKey MoodNone = new("journal.moodNone", "days");
    public static readonly StringKey MoodOneScore = new("journal.moodOneScore", "days", "average", "lowest", "highest");
    public static readonly StringKey MoodScores = new("journal.moodScores", "days", "count", "average", "lowest", "highest");
    public static readonly StringKey MoodScoresUp = new("journal.moodScoresUp", "days", "count", "average", "lowest", "highest");
    public static readonly StringKey MoodScoresDown = new("journal.moodScoresDown", "days", "count", "average", "lowest", "highest");
    public static readonly StringKey MoodScoresSteady = new("journal.moodScoresSteady", "days", "count", "average", "lowest", "highest");
    public static readonly StringKey ChartTitle = new("journal.chartTitle", "days");
    public static readonly StringKey ChartAxis = new("journal.chartAxis");

    /// <summary>The chart image's alternative text; {summary} is the one-line mood summary sent with it.</summary>
    public static readonly StringKey ChartAlt = new("journal.chartAlt", "summary");

    public static readonly StringKey ExportAttachedOne = new("journal.exportAttachedOne");
    public static readonly StringKey ExportAttached = new("journal.exportAttached", "count");
    public static readonly StringKey ExportTitle = new("journal.exportTitle");
    public static readonly StringKey ExportText = new("journal.exportText", "minutes", "markdown", "json");
    public static readonly StringKey DownloadMarkdown = new("journal.downloadMarkdown");
    public static readonly StringKey DownloadJson = new("journal.downloadJson");
    public static readonly StringKey FileTitle = new("journal.fileTitle");
    public static readonly StringKey FileIntroOne = new("journal.fileIntroOne", "when", "zone");
    public static readonly StringKey FileIntro = new("journal.fileIntro", "when", "zone", "count");
    public static readonly StringKey FileTags = new("journal.fileTags", "tags");

    public static readonly StringKey ErasedOne = new("journal.erasedOne");
    public static readonly StringKey Erased = new("journal.erased", "count");

    /// <summary>"my week": {from}/{to} days as "3 Mar"; {count}; {mood}, {lowest}, {highest} scores 0-10; {average} one decimal; {feelings} the person's own words, quoted; {cards} card titles.</summary>
    public static readonly StringKey WeekHeading = new("journal.weekHeading", "from", "to");

    public static readonly StringKey WeekNoReflections = new("journal.weekNoReflections");
    public static readonly StringKey WeekOneReflection = new("journal.weekOneReflection");
    public static readonly StringKey WeekReflections = new("journal.weekReflections", "count");
    public static readonly StringKey WeekOneMood = new("journal.weekOneMood", "mood");
    public static readonly StringKey WeekMoods = new("journal.weekMoods", "count", "lowest", "highest", "average");
    public static readonly StringKey WeekFeelings = new("journal.weekFeelings", "feelings");
    public static readonly StringKey WeekCards = new("journal.weekCards", "cards");
    public static readonly StringKey WeekQuestion = new("journal.weekQuestion");
    public static readonly StringKey WeekChartTitle = new("journal.weekChartTitle");
    public static readonly StringKey WeekChartAltOne = new("journal.weekChartAltOne", "mood");
    public static readonly StringKey WeekChartAlt = new("journal.weekChartAlt", "count", "lowest", "highest");
}
