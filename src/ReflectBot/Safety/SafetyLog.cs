using Microsoft.Extensions.Logging;

namespace ReflectBot.Safety;

/// <summary>Log messages of the safety feature. Event ids 5100–5199. Never the message, never the user's words.</summary>
internal static partial class SafetyLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Crisis language detected ({RiskClass}); the crisis card was sent.")]
    public static partial void CrisisDetected(ILogger logger, string riskClass);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "The crisis reply went out without the user's {What}: storage failed with {ExceptionType}.")]
    public static partial void StorageFailedDuringCrisis(ILogger logger, string what, string exceptionType);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "The safety event could not be recorded: {ExceptionType}.")]
    public static partial void EventNotRecorded(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Safety content loaded: {ClassCount} risk classes, {RegionCount} regions.")]
    public static partial void ContentLoaded(ILogger logger, int classCount, int regionCount);
}
