using ReflectBot.Storage;

namespace ReflectBot.Privacy;

/// <summary>What the bot tells a user about their data.</summary>
public static class PrivacyText
{
    public static string Overview(string storageKind, bool? consent, bool remindersPaused)
    {
        var where = string.Equals(storageKind, "Blob", StringComparison.OrdinalIgnoreCase)
            ? "in the Azure Storage account of whoever runs this bot"
            : "in this bot's data folder on the server it runs on";
        var journal = consent switch
        {
            true => "You've agreed to keep a journal: the reflections you choose to save are kept as entries, encrypted (AES-256-GCM).",
            false => "You chose not to keep a journal, so I save no reflections. (\"journal on\" changes that.)",
            null => "I haven't saved any reflection: I'll ask the first time one could be saved.",
        };
        return $"Here's what I keep, {where}:\n" +
               $"- {journal}\n" +
               "- Your settings: whether you agreed to a journal, your region (for crisis lines), your time zone, and whether reminders are paused.\n" +
               "- Where we are in a reflection, so you can pick it up later.\n" +
               "- Your safety plan, if you write one.\n" +
               "- If you ever share something that sounds like a crisis, a note that it happened, its kind and what I offered: never your words, and not your name or id.\n" +
               "All of it is encrypted, and I never write what you type into logs.\n\n" +
               "What you can do:\n" +
               "- \"my journal\" to read your entries, \"mood\" for your mood chart, \"export\" to take everything with you (Markdown and JSON)\n" +
               "- \"delete my data\" to erase everything I keep about you\n" +
               $"- \"pause reminders\" / \"resume reminders\" (now {(remindersPaused ? "paused" : "on")})\n" +
               "- \"journal off\" / \"journal on\" to stop or start keeping a journal\n" +
               "- \"region\" to tell me which country's crisis lines to show";
    }

    public static string ConfirmDeletion(StorageOptions storage) =>
        "This will permanently delete everything I keep about you: your journal entries, your safety plan, your settings and our conversation. " +
        "It can't be undone (type \"export\" first if you'd like a copy).\n\n" +
        WhatRemains(storage) + "\n\nDelete everything?";

    public const string YesDelete = "yes, delete everything";

    public const string NoKeep = "no, keep it";

    public const string Kept = "Okay, I haven't deleted anything.";

    public static string Deleted(IEnumerable<string> what, StorageOptions storage)
    {
        var list = what.ToList();
        var detail = list.Count == 0 ? string.Empty : $" ({string.Join(", ", list)})";
        return $"Done. I've deleted everything I kept about you{detail}, your settings and our conversation. If you talk to me again, I'll start fresh.\n\n" +
               WhatRemains(storage);
    }

    /// <summary>What stays after "delete my data", and for how long: said before the person confirms, and again after.</summary>
    public static string WhatRemains(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        const string counts = "a count that crisis support was shown (when, what kind and what I offered, never your words, your name or your id), which stays as part of anonymous totals with no way to link it back to you";
        if (!StorageKinds.IsBlob(storage))
        {
            return $"What stays: {counts}. (Backups of the server this bot runs on, if its operator keeps any, last as long as they keep them.)";
        }

        var softDeleted = storage.Blob.SoftDeleteRetentionDays switch
        {
            0 => null,
            { } days => $"encrypted copies of what I delete stay recoverable in the storage account's recycle bin (soft delete) for {days} day{(days == 1 ? string.Empty : "s")}, then they're gone for good",
            null => "encrypted copies of what I delete may stay recoverable in the storage account's recycle bin (soft delete) for as long as whoever runs this bot has set it to keep them (Azure allows 1 to 365 days), then they're gone for good",
        };
        return softDeleted is null ? $"What stays: {counts}." : $"What stays: {softDeleted}; and {counts}.";
    }
}
