using Microsoft.Extensions.Logging;

namespace ReflectBot.Hosting;

/// <summary>
/// Log messages of the host. Event ids 2000–2099; every area's range is listed in Kernel/LogEventRanges. No
/// parameter may carry what a user wrote.
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A turn failed with {ExceptionType}. {Stack}")]
    public static partial void TurnFailed(ILogger logger, string exceptionType, string stack);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Could not tell the user about a failed turn: {ExceptionType}.")]
    public static partial void ApologyFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "ReflectBot content loaded: {JourneyCount} journeys from {ContentPath}; data in {DataPath}.")]
    public static partial void Started(ILogger logger, int journeyCount, string contentPath, string dataPath);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The Bot Framework signing keys could not be fetched; the request was refused with 503.")]
    public static partial void SigningKeysUnavailable(ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Refused an activity ({Where}): {Reason}")]
    public static partial void ActivityRefused(ILogger logger, string where, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Refused an anonymous /api/messages request from the network: with no MicrosoftAppId only this machine may call (Hosting:AllowAnonymousNetworkAccess opens it, for development).")]
    public static partial void AnonymousCallerRefused(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Hosting:AllowAnonymousNetworkAccess is on and no MicrosoftAppId is configured: anyone who can reach this host can call /api/messages as anyone. For development only.")]
    public static partial void AnonymousNetworkAccessOn(ILogger logger);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Critical, Message = "{Refusal}")]
    public static partial void AnonymousExposureStopped(ILogger logger, string refusal);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Refused a request whose token did not validate ({ExceptionType}).")]
    public static partial void TokenRefused(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Storage was unavailable during a turn ({InnerType}); the user was told to try again.")]
    public static partial void StorageUnavailable(ILogger logger, string innerType);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Not ready: the {Check} check failed or took too long (Health:ReadinessTimeout).")]
    public static partial void NotReady(ILogger logger, string check);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Ignored X-Forwarded-For from {Peer}, which is not in Hosting:TrustedProxyNetworks; if it is your proxy, add its network there. Logged once per address.")]
    public static partial void UntrustedForwardedHeaders(ILogger logger, string peer);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "The terminal chat could not save a file the bot handed over ({ExceptionType}); the person was told which folder to check.")]
    public static partial void ConsoleFileNotSaved(ILogger logger, string exceptionType);
}
