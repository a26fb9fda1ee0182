using Microsoft.Extensions.Logging;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Log messages of the local Direct Line channel, event ids 2100–2149. Ids only: conversation and
/// activity ids are random, and nothing a user wrote is ever a parameter.
/// </summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Local Direct Line is on: web chat at {PageUrl}, bot replies to {ServiceUrl}.")]
    public static partial void Enabled(ILogger logger, string pageUrl, string serviceUrl);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Refused a Direct Line request to {Route}: {Reason}.")]
    public static partial void Refused(ILogger logger, string route, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "The bot could not take a Direct Line activity: {ExceptionType}.")]
    public static partial void BotFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Refused a connector post for conversation {Known}: {Reason}.")]
    public static partial void ConnectorRefused(ILogger logger, bool known, string reason);
}
