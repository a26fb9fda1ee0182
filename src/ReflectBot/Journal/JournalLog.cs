using Microsoft.Extensions.Logging;

namespace ReflectBot.Journal;

/// <summary>Log messages of the journal. Event ids 5000–5099 (see Kernel/LogEventRanges). No parameter may carry what a user wrote.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "A journal entry could not be decrypted ({ExceptionType}); it was skipped. Is its key still in Journal:PreviousKeys?")]
    public static partial void UnreadableEntry(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "A journal export link was used.")]
    public static partial void ExportDownloaded(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "The mood chart could not be drawn ({ExceptionType}); the summary was sent without it.")]
    public static partial void ChartFailed(ILogger logger, string exceptionType);
}
