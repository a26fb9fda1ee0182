using Microsoft.Extensions.Logging;

namespace ReflectBot.Storage.Sealing;

/// <summary>Log messages of the key ring. Event ids 3010–3019 (see Kernel/LogEventRanges). Never a key, never what a user wrote.</summary>
internal static partial class SealingLog
{
    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "No Journal:EncryptionKey is configured: generated a new journal encryption key at {KeyFile}. Back it up; entries cannot be read without it. Configure Journal:EncryptionKey when running more than one instance.")]
    public static partial void GeneratedKey(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "No Journal:EncryptionKey is configured: using the journal encryption key generated earlier at {KeyFile}.")]
    public static partial void UsingKeyFile(ILogger logger, string keyFile);
}
