using Microsoft.Extensions.Logging;

namespace ReflectBot.Conversation;

/// <summary>
/// Log messages of the conversation area. Event ids 1000–1099 (see Kernel/LogEventRanges). No parameter may carry what a user wrote.
/// </summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "A conversation's dialog stack named a dialog this bot does not have; the stack was cleared.")]
    public static partial void StaleDialogStack(ILogger logger);
}
