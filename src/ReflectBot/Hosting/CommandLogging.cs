namespace ReflectBot.Hosting;

/// <summary>How the one-shot commands (chat, rotate-keys, upgrade-data, clinician-link) log.</summary>
public static class CommandLogging
{
    /// <summary>
    /// Keeps stdout for the command's own output: logs go to stderr, warnings and worse only. A minimum level alone
    /// is not enough: appsettings.json's <c>Logging:LogLevel:Default</c> is a filter rule, and any rule outranks the
    /// minimum, so the chat printed information lines beside every turn. This rule is added after configuration's,
    /// so it is the one chosen for every category configuration does not name.
    /// </summary>
    public static ILoggingBuilder ForCommand(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        return logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter((_, level) => level >= LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
