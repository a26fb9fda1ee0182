using ReflectBot.Content;

namespace ReflectBot.Reminders;

/// <summary>What the person's own reminders say, in <c>dialogs/strings/reminders.yaml</c>.</summary>
public static class RemindersStrings
{
    /// <summary>{title} of the journey, {schedule} in words.</summary>
    public static readonly StringKey Set = new("reminders.set", "title", "schedule", "number");

    /// <summary>As <see cref="Set"/>, when the sentence named no journey and the reminder is for the default one.</summary>
    public static readonly StringKey SetDefault = new("reminders.setDefault", "title", "schedule", "number");

    /// <summary>{phrase}: what the person typed as the time.</summary>
    public static readonly StringKey Unclear = new("reminders.unclear", "phrase");

    /// <summary>{journeys}: the journeys one can be reminded of.</summary>
    public static readonly StringKey UnknownJourney = new("reminders.unknownJourney", "journeys");

    /// <summary>{time} asked for, {start}/{end} of quiet hours.</summary>
    public static readonly StringKey InQuietHours = new("reminders.inQuietHours", "time", "start", "end");

    public static readonly StringKey TooMany = new("reminders.tooMany", "max");
    public static readonly StringKey ListHeading = new("reminders.listHeading");

    /// <summary>{number}, {title}, {schedule}.</summary>
    public static readonly StringKey ListItem = new("reminders.listItem", "number", "title", "schedule");

    /// <summary>{schedule} of the Sunday look back.</summary>
    public static readonly StringKey ListWeek = new("reminders.listWeek", "schedule");

    /// <summary>{until}: the local date reminders come back.</summary>
    public static readonly StringKey ListPaused = new("reminders.listPaused", "until");

    public static readonly StringKey ListHint = new("reminders.listHint");
    public static readonly StringKey None = new("reminders.none");

    /// <summary>{until}: the local date and time reminders come back.</summary>
    public static readonly StringKey Paused = new("reminders.paused", "until");

    public static readonly StringKey PauseUnclear = new("reminders.pauseUnclear", "phrase");
    public static readonly StringKey Deleted = new("reminders.deleted", "number");
    public static readonly StringKey DeletedAll = new("reminders.deletedAll");
    public static readonly StringKey NoSuchReminder = new("reminders.noSuchReminder", "number");
    public static readonly StringKey WeekOn = new("reminders.weekOn", "schedule");
    public static readonly StringKey WeekOff = new("reminders.weekOff");
    public static readonly StringKey WeekWasOff = new("reminders.weekWasOff");

    /// <summary>The reminder itself: {title} of the journey.</summary>
    public static readonly StringKey Due = new("reminders.due", "title");

    /// <summary>Its one button: {title} of the journey.</summary>
    public static readonly StringKey DueButton = new("reminders.dueButton", "title");

    /// <summary>Before the Sunday look back.</summary>
    public static readonly StringKey WeekDue = new("reminders.weekDue");

    /// <summary>What "delete my data" says it erased.</summary>
    public static readonly StringKey Erased = new("reminders.erased");

    /// <summary>{zone} "New York (America/New_York)", {now} the day and time there.</summary>
    public static readonly StringKey ZoneSet = new("reminders.zoneSet", "zone", "now");

    /// <summary>{zone}, {now}: the zone in use.</summary>
    public static readonly StringKey ZoneIs = new("reminders.zoneIs", "zone", "now");

    /// <summary>{zone}, {now}: the device's zone, used again.</summary>
    public static readonly StringKey ZoneFromDevice = new("reminders.zoneFromDevice", "zone", "now");

    /// <summary>The channel reports no zone to go back to.</summary>
    public static readonly StringKey ZoneNoDevice = new("reminders.zoneNoDevice");

    /// <summary>{phrase}: the words that named no zone.</summary>
    public static readonly StringKey ZoneUnknown = new("reminders.zoneUnknown", "phrase");

    /// <summary>After <see cref="Paused"/>: {numbers} of one-off reminders that fall inside the pause.</summary>
    public static readonly StringKey PausedOneOff = new("reminders.pausedOneOff", "numbers");
}
