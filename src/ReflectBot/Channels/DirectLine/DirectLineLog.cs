using Microsoft.Extensions.Logging;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Log messages of the local Direct Line channel, event ids 2100–2199 (see Kernel/LogEventRanges). Ids only: conversation and
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

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "No DirectLine:SigningKey configured: generated a token-signing key into {KeyFile}. Configure one to manage it yourself.")]
    public static partial void GeneratedSigningKey(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Signing Direct Line tokens with the key generated earlier in {KeyFile}.")]
    public static partial void UsingSigningKeyFile(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Storage:Kind is Blob but no DirectLine:SigningKey is configured: each instance signs with a key in its own data folder, so a web chat token from one instance is refused by another. Configure DirectLine:SigningKey when running more than one.")]
    public static partial void SigningKeyPerInstance(ILogger logger);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Resumed Direct Line conversation {ConversationId} from its token (this process had not seen it).")]
    public static partial void Resumed(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Azure's Direct Line gave no token for the web chat page (refused or unreachable).")]
    public static partial void ExchangeFailed(ILogger logger);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "A clinician signed a browser in to the web chat with a sign-in link.")]
    public static partial void ClinicianSignedIn(ILogger logger);
}
