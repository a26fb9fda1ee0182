using Microsoft.Extensions.Logging;

namespace ReflectBot.Channels;

/// <summary>
/// Log messages of the channel plumbing: the connector client, conversation references and proactive sending.
/// Event ids 2200–2299 (see Kernel/LogEventRanges). No parameter may carry what a user wrote: user and
/// conversation ids are not logged either, only counts, statuses and types.
/// </summary>
internal static partial class ChannelLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "The connector answered {StatusCode}; retry {Attempt} of {MaxRetries} in {DelayMs} ms.")]
    public static partial void ConnectorRetry(ILogger logger, int statusCode, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "No conversation reference is stored for a user; the proactive message was not sent.")]
    public static partial void NoReference(ILogger logger);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "The bot was uninstalled; the conversation reference was forgotten ({Deleted}).")]
    public static partial void ReferenceForgotten(ILogger logger, bool deleted);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "The conversation reference could not be stored ({ExceptionType}); the turn goes on.")]
    public static partial void ReferenceNotSaved(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "The turn's serviceUrl was vouched for by nobody (no validated channel token, not this host's web chat, not loopback or the public address): no conversation reference was stored.")]
    public static partial void ReferenceNotVouched(ILogger logger);
}
