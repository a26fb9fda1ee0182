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
               "- Your safety plan, if you write one (encrypted too).\n" +
               "- If you ever share something that sounds like a crisis, a note that it happened, its kind and what I offered: never your words.\n" +
               "I never write what you type into logs.\n\n" +
               "What you can do:\n" +
               "- \"my journal\" to read your entries, \"mood\" for your mood chart, \"export\" to take everything with you (Markdown and JSON)\n" +
               "- \"delete my data\" to erase everything I keep about you\n" +
               $"- \"pause reminders\" / \"resume reminders\" (now {(remindersPaused ? "paused" : "on")})\n" +
               "- \"journal off\" / \"journal on\" to stop or start keeping a journal\n" +
               "- \"region\" to tell me which country's crisis lines to show";
    }

    public const string ConfirmDeletion =
        "This will permanently delete everything I keep about you: your journal entries, your safety plan, your settings and our conversation. " +
        "It can't be undone (type \"export\" first if you'd like a copy). Delete everything?";

    public const string YesDelete = "yes, delete everything";

    public const string NoKeep = "no, keep it";

    public const string Kept = "Okay, I haven't deleted anything.";

    public static string Deleted(IEnumerable<string> what)
    {
        var list = what.ToList();
        var detail = list.Count == 0 ? string.Empty : $" ({string.Join(", ", list)})";
        return $"Done. I've deleted everything I kept about you{detail}, your settings and our conversation. If you talk to me again, I'll start fresh.";
    }
}
