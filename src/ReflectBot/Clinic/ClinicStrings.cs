using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// The clinic's words: to clients in <c>dialogs/strings/clinic.yaml</c>, to clinicians in <c>clinic-clinician.yaml</c>,
/// around questionnaires in <c>clinic-measures.yaml</c>. The few choices between sentences (which consent scopes are
/// shared, why a code cannot be used) are made here, so every caller says them the same way.
/// </summary>
public static class ClinicStrings
{
    public static readonly StringKey OnlyClinicians = new("clinic.onlyClinicians");

    public static readonly StringKey WhatIsShared = new("clinic.whatIsShared", "clinician");
    public static readonly StringKey ConnectWith = new("clinic.connectWith", "clinician");
    public static readonly StringKey AskCompletion = new("clinic.askCompletion", "clinician");
    public static readonly StringKey AskMood = new("clinic.askMood", "clinician");
    public static readonly StringKey AskShared = new("clinic.askShared", "clinician");
    public static readonly StringKey AskMeasureAnswers = new("clinic.askMeasureAnswers", "clinician");
    public static readonly StringKey ConsentRetry = new("clinic.consentRetry");
    public static readonly StringKey ConsentGiveUp = new("clinic.consentGiveUp");
    public static readonly StringKey SafetyNotesRetry = new("clinic.safetyNotesRetry");
    public static readonly StringKey SafetyNotesGiveUp = new("clinic.safetyNotesGiveUp");
    public static readonly StringKey NotConnected = new("clinic.notConnected");
    public static readonly StringKey Connected = new("clinic.connected", "clinician", "sharing");
    public static readonly StringKey SharingUpdated = new("clinic.sharingUpdated", "clinician", "sharing");
    public static readonly StringKey NoLongerConnected = new("clinic.noLongerConnected");
    public static readonly StringKey Sharing = new("clinic.sharing", "completion", "mood", "entries");
    public static readonly StringKey SharingWithNotes = new("clinic.sharingWithNotes", "completion", "mood", "entries");
    public static readonly StringKey CompletionShared = new("clinic.completionShared");
    public static readonly StringKey CompletionNotShared = new("clinic.completionNotShared");
    public static readonly StringKey MoodShared = new("clinic.moodShared");
    public static readonly StringKey MoodNotShared = new("clinic.moodNotShared");
    public static readonly StringKey EntriesShared = new("clinic.entriesShared");
    public static readonly StringKey EntriesNotShared = new("clinic.entriesNotShared");
    public static readonly StringKey UnnamedClient = new("clinic.unnamedClient");
    public static readonly StringKey UnnamedClinician = new("clinic.unnamedClinician");
    public static readonly StringKey ConsentTitle = new("clinic.consentTitle");

    public static readonly StringKey CodeUnknown = new("clinic.codeUnknown");
    public static readonly StringKey CodeExpired = new("clinic.codeExpired");
    public static readonly StringKey CodeUsed = new("clinic.codeUsed");
    public static readonly StringKey CodeRevoked = new("clinic.codeRevoked");
    public static readonly StringKey CodeOwn = new("clinic.codeOwn");
    public static readonly StringKey CodeAlreadyLinked = new("clinic.codeAlreadyLinked");
    public static readonly StringKey CodeTooManyTries = new("clinic.codeTooManyTries");
    public static readonly StringKey CodeUnusable = new("clinic.codeUnusable");
    public static readonly StringKey CodeProblemNothingShared = new("clinic.codeProblemNothingShared", "problem");

    public static readonly StringKey NoClinician = new("clinic.noClinician");
    public static readonly StringKey NoClinicianShort = new("clinic.noClinicianShort");
    public static readonly StringKey Links = new("clinic.links", "lines");
    public static readonly StringKey LinkLine = new("clinic.linkLine", "number", "clinician", "since", "sharing");
    public static readonly StringKey ChangeSharingButton = new("clinic.changeSharingButton", "number");
    public static readonly StringKey DisconnectButton = new("clinic.disconnectButton", "number");
    public static readonly StringKey WhichConnection = new("clinic.whichConnection", "command");
    public static readonly StringKey NoSuchConnection = new("clinic.noSuchConnection");
    public static readonly StringKey Disconnected = new("clinic.disconnected", "clinician");

    public static readonly StringKey JournalEmpty = new("clinic.journalEmpty");
    public static readonly StringKey LatestEntries = new("clinic.latestEntries", "lines");
    public static readonly StringKey EntryLine = new("clinic.entryLine", "number", "title", "date");
    public static readonly StringKey NoSuchEntry = new("clinic.noSuchEntry");
    public static readonly StringKey NobodyToShareWith = new("clinic.nobodyToShareWith");
    public static readonly StringKey MarkedShared = new("clinic.markedShared", "title", "date");
    public static readonly StringKey SharedWith = new("clinic.sharedWith", "title", "date", "clinicians", "number");
    public static readonly StringKey Unshared = new("clinic.unshared", "title", "date");

    public static readonly StringKey NoAssignments = new("clinic.noAssignments");
    public static readonly StringKey Assignments = new("clinic.assignments", "lines");
    public static readonly StringKey AssignmentLine = new("clinic.assignmentLine", "number", "title", "clinician", "schedule", "next");
    public static readonly StringKey NoMoreDates = new("clinic.noMoreDates");
    public static readonly StringKey StartButton = new("clinic.startButton", "number");

    public static readonly StringKey AssignedTitle = new("clinic.assignedTitle");
    public static readonly StringKey AssignmentInactive = new("clinic.assignmentInactive");
    public static readonly StringKey ReflectionUnavailable = new("clinic.reflectionUnavailable");
    public static readonly StringKey ClinicianAsks = new("clinic.clinicianAsks", "clinician", "prompt");
    public static readonly StringKey SavedToJournal = new("clinic.savedToJournal");
    public static readonly StringKey MarkedDoneShared = new("clinic.markedDoneShared", "clinician");
    public static readonly StringKey MarkedDonePrivate = new("clinic.markedDonePrivate");

    public static readonly StringKey Delivery = new("clinic.delivery", "clinician", "title", "command");
    public static readonly StringKey DeliveryWithNote = new("clinic.deliveryWithNote", "clinician", "title", "note", "command");
    public static readonly StringKey DeliveryStartButton = new("clinic.deliveryStartButton");

    public static readonly StringKey ScheduleOnce = new("clinic.scheduleOnce", "date", "time", "zone");
    public static readonly StringKey ScheduleDaily = new("clinic.scheduleDaily", "time", "zone");
    public static readonly StringKey ScheduleDailyUntil = new("clinic.scheduleDailyUntil", "time", "until", "zone");
    public static readonly StringKey ScheduleDailyTimes = new("clinic.scheduleDailyTimes", "time", "count", "zone");
    public static readonly StringKey ScheduleDailyUntilTimes = new("clinic.scheduleDailyUntilTimes", "time", "until", "count", "zone");
    public static readonly StringKey ScheduleDays = new("clinic.scheduleDays", "days", "time", "zone");
    public static readonly StringKey ScheduleDaysUntil = new("clinic.scheduleDaysUntil", "days", "time", "until", "zone");
    public static readonly StringKey ScheduleDaysTimes = new("clinic.scheduleDaysTimes", "days", "time", "count", "zone");
    public static readonly StringKey ScheduleDaysUntilTimes = new("clinic.scheduleDaysUntilTimes", "days", "time", "until", "count", "zone");
    public static readonly StringKey ListAnd = new("clinic.listAnd", "first", "last");

    public static readonly StringKey ErasedAsClient = new("clinic.erasedAsClient");
    public static readonly StringKey ErasedAsClinician = new("clinic.erasedAsClinician");
    public static readonly StringKey ErasedAsBoth = new("clinic.erasedAsBoth");

    public static readonly StringKey SafetyNotesOn = new("clinic-clinician.safetyNotesOn");
    public static readonly StringKey SafetyNotesOff = new("clinic-clinician.safetyNotesOff");
    public static readonly StringKey SafetyNoteTime = new("clinic-clinician.safetyNoteTime", "clock", "date");
    public static readonly StringKey NewCode = new("clinic-clinician.newCode", "code", "expires");
    public static readonly StringKey Revoked = new("clinic-clinician.revoked");
    public static readonly StringKey NoSuchCode = new("clinic-clinician.noSuchCode");

    public static readonly StringKey AssignTitle = new("clinic-clinician.assignTitle");
    public static readonly StringKey NoClientsToAssign = new("clinic-clinician.noClientsToAssign");
    public static readonly StringKey WhichClient = new("clinic-clinician.whichClient");
    public static readonly StringKey UnnamedClientChoice = new("clinic-clinician.unnamedClient");
    public static readonly StringKey AssignGiveUp = new("clinic-clinician.assignGiveUp");
    public static readonly StringKey WhichReflection = new("clinic-clinician.whichReflection");
    public static readonly StringKey OwnPrompt = new("clinic-clinician.ownPrompt");
    public static readonly StringKey OwnPromptTitle = new("clinic-clinician.ownPromptTitle");
    public static readonly StringKey OwnPromptQuestion = new("clinic-clinician.ownPromptQuestion", "client");
    public static readonly StringKey WhenQuestion = new("clinic-clinician.whenQuestion", "client", "zone");
    public static readonly StringKey WhenRetry = new("clinic-clinician.whenRetry");
    public static readonly StringKey WhenGiveUp = new("clinic-clinician.whenGiveUp");
    public static readonly StringKey YourClient = new("clinic-clinician.yourClient");
    public static readonly StringKey NoteQuestion = new("clinic-clinician.noteQuestion", "client");
    public static readonly StringKey Confirm = new("clinic-clinician.confirm", "title", "client", "schedule", "first");
    public static readonly StringKey ConfirmWithNote = new("clinic-clinician.confirmWithNote", "title", "client", "schedule", "first", "note");
    public static readonly StringKey AssignCancelled = new("clinic-clinician.assignCancelled");
    public static readonly StringKey ClientGone = new("clinic-clinician.clientGone");
    public static readonly StringKey Untitled = new("clinic-clinician.untitled");
    public static readonly StringKey Assigned = new("clinic-clinician.assigned", "title", "client", "schedule");

    public static readonly StringKey NothingAssigned = new("clinic-clinician.nothingAssigned");
    public static readonly StringKey ClinicianAssignmentLine = new("clinic-clinician.assignmentLine", "title", "schedule", "next", "id");
    public static readonly StringKey Finished = new("clinic-clinician.finished");
    public static readonly StringKey CancelButton = new("clinic-clinician.cancelButton", "title", "client");
    public static readonly StringKey NoClientsYet = new("clinic-clinician.noClientsYet");
    public static readonly StringKey Cancelled = new("clinic-clinician.cancelled", "client");
    public static readonly StringKey NoSuchAssignment = new("clinic-clinician.noSuchAssignment");

    public static readonly StringKey NoClientsForReview = new("clinic-clinician.noClientsForReview");
    public static readonly StringKey ClientHeader = new("clinic-clinician.clientHeader", "number", "client", "since");
    public static readonly StringKey CompletionWeek = new("clinic-clinician.completionWeek", "done", "missed", "last");
    public static readonly StringKey NoCheckInYet = new("clinic-clinician.noCheckInYet");
    public static readonly StringKey CompletionNotSharedLine = new("clinic-clinician.completionNotShared");
    public static readonly StringKey MoodScores = new("clinic-clinician.moodScores", "count", "days");
    public static readonly StringKey MoodScoresLatest = new("clinic-clinician.moodScoresLatest", "count", "days", "latest");
    public static readonly StringKey MeasureScoreLine = new("clinic-clinician.measureScore", "measure", "date", "score", "max", "band");
    public static readonly StringKey MeasureScoreWithItem = new("clinic-clinician.measureScoreWithItem", "measure", "date", "score", "max", "band", "item");
    public static readonly StringKey SafetyShownOne = new("clinic-clinician.safetyShownOne", "count", "days");
    public static readonly StringKey SafetyShownMany = new("clinic-clinician.safetyShownMany", "count", "days");
    public static readonly StringKey MoodNotSharedLine = new("clinic-clinician.moodNotShared");
    public static readonly StringKey MoodChartLabel = new("clinic-clinician.moodChartLabel");
    public static readonly StringKey SharedEntriesNone = new("clinic-clinician.sharedEntriesNone");
    public static readonly StringKey SharedEntries = new("clinic-clinician.sharedEntries", "count", "number");
    public static readonly StringKey SharedEntryLine = new("clinic-clinician.sharedEntryLine", "number", "entry", "title", "date");
    public static readonly StringKey SharedNotAllowed = new("clinic-clinician.sharedNotAllowed");
    public static readonly StringKey NoSuchClientEntry = new("clinic-clinician.noSuchEntry");
    public static readonly StringKey NoSuchSharedEntry = new("clinic-clinician.noSuchSharedEntry");
    public static readonly StringKey EntryHeader = new("clinic-clinician.entryHeader", "client", "title", "date");
    public static readonly StringKey EntryAnswer = new("clinic-clinician.entryAnswer", "question", "answer");

    public static readonly StringKey MeasuresTitle = new("clinic-measures.title");
    public static readonly StringKey HistoryHeading = new("clinic-measures.historyHeading", "measure", "client", "count");
    public static readonly StringKey HistoryLine = new("clinic-measures.historyLine", "item", "answers");
    public static readonly StringKey HistoryAnswer = new("clinic-measures.historyAnswer", "date", "answer");
    public static readonly StringKey HistoryNone = new("clinic-measures.historyNone", "client", "measure");
    public static readonly StringKey HistoryNotShared = new("clinic-measures.historyNotShared", "client");
    public static readonly StringKey HistoryUnknown = new("clinic-measures.historyUnknown", "what");
    public static readonly StringKey MeasureIntro = new("clinic-measures.intro", "title", "count");
    public static readonly StringKey MeasureQuestion = new("clinic-measures.question", "number", "of", "preamble", "item");

    /// <summary>"previous question" right after a safety item, whose follow-ups have already been asked.</summary>
    public static readonly StringKey MeasureCannotStepBack = new("clinic-measures.cannotStepBack");
    public static readonly StringKey SkipQuestion = new("clinic-measures.skipQuestion");
    public static readonly StringKey FollowUpRetry = new("clinic-measures.followUpRetry");
    public static readonly StringKey FollowUpGiveUp = new("clinic-measures.followUpGiveUp");
    public static readonly StringKey MeasureScore = new("clinic-measures.score", "score", "max");
    public static readonly StringKey MeasureTotal = new("clinic-measures.total", "score", "max", "band");
    public static readonly StringKey MeasureNoTotal = new("clinic-measures.noTotal");

    /// <summary>What a client shares with one clinician, as said inside a sentence.</summary>
    public static string SharingOf(StringCatalog strings, ClinicConsent consent)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(consent);
        return strings.Text(
            consent.SafetyNotes ? SharingWithNotes : Sharing,
            ("completion", strings[consent.Completion ? CompletionShared : CompletionNotShared]),
            ("mood", strings[consent.Mood ? MoodShared : MoodNotShared]),
            ("entries", strings[consent.SharedEntries ? EntriesShared : EntriesNotShared]));
    }

    /// <summary>Why a join code cannot be used.</summary>
    public static string CodeProblem(StringCatalog strings, CodeStatus status)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return strings[status switch
        {
            CodeStatus.Unknown => CodeUnknown,
            CodeStatus.Expired => CodeExpired,
            CodeStatus.Used => CodeUsed,
            CodeStatus.Revoked => CodeRevoked,
            CodeStatus.OwnCode => CodeOwn,
            CodeStatus.AlreadyLinked => CodeAlreadyLinked,
            CodeStatus.TooManyTries => CodeTooManyTries,
            _ => CodeUnusable,
        }];
    }

    /// <summary>A list said as words: "A", "A and B", "A, B and C".</summary>
    public static string List(StringCatalog strings, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => strings.Text(ListAnd, ("first", string.Join(", ", items.Take(items.Count - 1))), ("last", items[^1])),
        };
    }

    /// <summary>Names joined pairwise with <see cref="ListAnd"/>: "A", "A and B", "A and B and C".</summary>
    public static string EachAnd(StringCatalog strings, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(names);
        return names.Count == 0 ? string.Empty : names.Skip(1).Aggregate(names[0], (first, last) => strings.Text(ListAnd, ("first", first), ("last", last)));
    }
}
