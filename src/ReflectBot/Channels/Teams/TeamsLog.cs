using Microsoft.Extensions.Logging;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Log messages of the Teams channel support. Event ids 2300–2399 (see Kernel/LogEventRanges). No parameter may carry what a user
/// wrote: user and conversation ids are not logged either, only counts, statuses and types.
/// </summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "A {ConversationType} conversation was turned away: the bot works one-to-one.")]
    public static partial void GroupConversationRefused(ILogger logger, string conversationType);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "A reply of {Bytes} bytes was too large for one message and was sent as {Parts} part(s).")]
    public static partial void ReplySplit(ILogger logger, int bytes, int parts);
}
