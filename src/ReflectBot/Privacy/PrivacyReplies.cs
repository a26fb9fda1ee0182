using ReflectBot.Content;
using ReflectBot.Storage;

namespace ReflectBot.Privacy;

/// <summary>What the bot tells a user about their data, put together from <see cref="PrivacyStrings"/>.</summary>
public static class PrivacyReplies
{
    public static string Overview(StringCatalog strings, string storageKind, bool? consent, bool remindersPaused)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var where = string.Equals(storageKind, "Blob", StringComparison.OrdinalIgnoreCase) ? PrivacyStrings.OverviewWhereBlob : PrivacyStrings.OverviewWhereFiles;
        var journal = consent switch
        {
            true => PrivacyStrings.OverviewJournalGiven,
            false => PrivacyStrings.OverviewJournalRefused,
            null => PrivacyStrings.OverviewJournalUnknown,
        };
        return strings.Text(PrivacyStrings.Overview,
            ("where", strings[where]),
            ("journal", strings[journal]),
            ("reminders", strings[remindersPaused ? PrivacyStrings.StatusPaused : PrivacyStrings.StatusOn]));
    }

    public static string ConfirmDeletion(StringCatalog strings, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return strings.Text(PrivacyStrings.ConfirmDeletion, ("whatStays", WhatStays(strings, storage)));
    }

    public static string Deleted(StringCatalog strings, IReadOnlyCollection<string> what, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(what);
        var whatStays = WhatStays(strings, storage);
        return what.Count == 0
            ? strings.Text(PrivacyStrings.Deleted, ("whatStays", whatStays))
            : strings.Text(PrivacyStrings.DeletedWhat, ("what", string.Join(", ", what)), ("whatStays", whatStays));
    }

    /// <summary>What stays after "delete my data", and for how long: said before the person confirms, and again after.</summary>
    public static string WhatStays(StringCatalog strings, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(storage);
        var counts = ("counts", (object?)strings[PrivacyStrings.WhatStaysCounts]);
        if (!StorageKinds.IsBlob(storage))
        {
            return strings.Text(PrivacyStrings.WhatStaysOnServer, counts);
        }

        return storage.Blob.SoftDeleteRetentionDays switch
        {
            0 => strings.Text(PrivacyStrings.WhatStaysNoSoftDelete, counts),
            1 => strings.Text(PrivacyStrings.WhatStaysSoftDeleteOneDay, counts),
            { } days => strings.Text(PrivacyStrings.WhatStaysSoftDeleteDays, ("days", days), counts),
            null => strings.Text(PrivacyStrings.WhatStaysSoftDeleteUnknown, counts),
        };
    }
}
