using Microsoft.Extensions.Logging;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Log messages of the Teams channel support. Event ids 5100–5199. No parameter may carry what a user
/// wrote: user and conversation ids are not logged either, only counts, statuses and types.
/// </summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "A {ConversationType} conversation was turned away: the bot works one-to-one.")]
    public static partial void GroupConversationRefused(ILogger logger, string conversationType);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The connector answered {StatusCode}; retry {Attempt} of {MaxRetries} in {DelayMs} ms.")]
    public static partial void ConnectorRetry(ILogger logger, int statusCode, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "A reply of {Bytes} bytes was too large for one message and was sent as {Parts} part(s).")]
    public static partial void ReplySplit(ILogger logger, int bytes, int parts);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "No conversation reference is stored for a user; the proactive message was not sent.")]
    public static partial void NoReference(ILogger logger);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "The bot was uninstalled; the conversation reference was forgotten ({Deleted}).")]
    public static partial void ReferenceForgotten(ILogger logger, bool deleted);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "The conversation reference could not be stored ({ExceptionType}); the turn goes on.")]
    public static partial void ReferenceNotSaved(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "The turn's serviceUrl was vouched for by nobody (no validated channel token, not this host's web chat, not loopback or the public address): no conversation reference was stored.")]
    public static partial void ReferenceNotVouched(ILogger logger);
}
