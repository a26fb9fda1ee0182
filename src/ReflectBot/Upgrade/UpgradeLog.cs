using Microsoft.Extensions.Logging;

namespace ReflectBot.Upgrade;

/// <summary>Log messages of the upgrade check (event ids 3100–3199, see Kernel/LogEventRanges). Store names only: never a key or an id.</summary>
internal static partial class UpgradeLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The {Stores} store(s) hold records under user keys of an earlier build (channel/id, two path segments): those users' journals, safety plans, references and clinic links are not found until they are moved. Run `upgrade-data` once (published: dotnet ReflectBot.dll upgrade-data; README, \"Upgrading\").")]
    public static partial void LegacyRecordsFound(ILogger logger, string stores);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "The start-up check for records under user keys of an earlier build skipped the {Store} store ({ExceptionType}). If this deployment ran an earlier build, run `upgrade-data` once.")]
    public static partial void CheckSkipped(ILogger logger, string store, string exceptionType);
}
