namespace ReflectBot.Kernel;

/// <summary>
/// Every log event id of the bot, by area: one range per <c>[LoggerMessage]</c> class, none overlapping, so an
/// operator's query for an id finds one message. A test reads each class's attributes and holds them to this list.
/// </summary>
public static class LogEventRanges
{
    /// <summary>The log class (by name, so the kernel depends on no feature) and the ids it may use.</summary>
    public static IReadOnlyList<(string LogClass, int First, int Last)> All { get; } =
    [
        ("ReflectBot.Conversation.BotLog", 1000, 1099),
        ("ReflectBot.Hosting.HostLog", 2000, 2099),
        ("ReflectBot.Channels.DirectLine.DirectLineLog", 2100, 2199),
        ("ReflectBot.Channels.ChannelLog", 2200, 2299),
        ("ReflectBot.Channels.Teams.TeamsLog", 2300, 2399),
        ("ReflectBot.Storage.StorageLog", 3000, 3009),
        ("ReflectBot.Storage.Sealing.SealingLog", 3010, 3019),
        ("ReflectBot.Upgrade.UpgradeLog", 3100, 3199),
        ("ReflectBot.Journal.JournalLog", 5000, 5099),
        ("ReflectBot.Safety.SafetyLog", 5100, 5199),
        ("ReflectBot.Clinic.ClinicLog", 5200, 5299),
    ];
}
