using Microsoft.Extensions.Logging;

namespace ReflectBot.Storage;

/// <summary>Log messages of the stores (event ids 3000–3009, see Kernel/LogEventRanges). No parameter may carry what a user wrote or a key.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Blob containers ready: {Containers}.")]
    public static partial void ContainersReady(ILogger logger, string containers);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Blob storage was not reachable at start ({ExceptionType}); containers will be created on first use.")]
    public static partial void ContainersDeferred(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Storage unavailable during a turn ({Phase}): the user was told to try again. {ExceptionType} <- {InnerType}")]
    public static partial void TurnStorageUnavailable(ILogger logger, string phase, string exceptionType, string innerType);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "A turn lost a state write race (attempt {Attempt}); {Outcome}.")]
    public static partial void TurnConflict(ILogger logger, int attempt, string outcome);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "User state changed by another turn meanwhile; merged this turn's changes ({Attempt}).")]
    public static partial void UserStateMerged(ILogger logger, int attempt);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "User state kept changing under this turn; its user-state change was dropped after {Attempts} merges.")]
    public static partial void UserStateMergeGaveUp(ILogger logger, int attempts);
}
