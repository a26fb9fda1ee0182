using ReflectBot.Content;

namespace ReflectBot.Privacy;

/// <summary>What the bot tells a person about their data, in <c>dialogs/strings/privacy.yaml</c>.</summary>
public static class PrivacyStrings
{
    public static readonly StringKey FirstSaveQuestion = new("privacy.firstSaveQuestion");

    public static readonly StringKey NotKeeping = new("privacy.notKeeping");

    /// <summary>{where}: <see cref="OverviewWhereBlob"/> or <see cref="OverviewWhereFiles"/>; {journal}: an OverviewJournal… line; {reminders}: <see cref="StatusPaused"/> or <see cref="StatusOn"/>.</summary>
    public static readonly StringKey Overview = new("privacy.overview", "where", "journal", "reminders");

    public static readonly StringKey OverviewWhereBlob = new("privacy.overviewWhereBlob");

    public static readonly StringKey OverviewWhereFiles = new("privacy.overviewWhereFiles");

    public static readonly StringKey OverviewJournalGiven = new("privacy.overviewJournalGiven");

    public static readonly StringKey OverviewJournalRefused = new("privacy.overviewJournalRefused");

    public static readonly StringKey OverviewJournalUnknown = new("privacy.overviewJournalUnknown");

    public static readonly StringKey StatusPaused = new("privacy.statusPaused");

    public static readonly StringKey StatusOn = new("privacy.statusOn");

    /// <summary>{whatStays}: a WhatStays… sentence.</summary>
    public static readonly StringKey ConfirmDeletion = new("privacy.confirmDeletion", "whatStays");

    public static readonly StringKey Kept = new("privacy.kept");

    /// <summary>A bare "delete": deleting one entry or everything, and how to do each.</summary>
    public static readonly StringKey DeleteChoices = new("privacy.deleteChoices");

    /// <summary>{what}: what the features erased, comma-separated; {whatStays}: a WhatStays… sentence.</summary>
    public static readonly StringKey DeletedWhat = new("privacy.deletedWhat", "what", "whatStays");

    /// <summary>No feature named what it erased. {whatStays}: a WhatStays… sentence.</summary>
    public static readonly StringKey Deleted = new("privacy.deleted", "whatStays");

    /// <summary>The anonymous counts that stay, filled into each WhatStays… sentence as {counts}.</summary>
    public static readonly StringKey WhatStaysCounts = new("privacy.whatStaysCounts");

    public static readonly StringKey WhatStaysOnServer = new("privacy.whatStaysOnServer", "counts");

    public static readonly StringKey WhatStaysNoSoftDelete = new("privacy.whatStaysNoSoftDelete", "counts");

    /// <summary>{days}: the storage account's soft-delete retention, two days or more.</summary>
    public static readonly StringKey WhatStaysSoftDeleteDays = new("privacy.whatStaysSoftDeleteDays", "days", "counts");

    public static readonly StringKey WhatStaysSoftDeleteOneDay = new("privacy.whatStaysSoftDeleteOneDay", "counts");

    /// <summary>Soft delete of unknown length: the operator has not said how long.</summary>
    public static readonly StringKey WhatStaysSoftDeleteUnknown = new("privacy.whatStaysSoftDeleteUnknown", "counts");

    public static readonly StringKey RemindersPaused = new("privacy.remindersPaused");

    public static readonly StringKey RemindersResumed = new("privacy.remindersResumed");

    public static readonly StringKey JournalOn = new("privacy.journalOn");

    public static readonly StringKey JournalOff = new("privacy.journalOff");
}
