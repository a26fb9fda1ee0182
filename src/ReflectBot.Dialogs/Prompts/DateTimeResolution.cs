using System.Globalization;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// One reading of a date or time the user wrote, as Microsoft.Recognizers.Text.DateTime resolves it:
/// a TIMEX expression and, where it names a moment or a range, its value(s) in the user's local time.
/// </summary>
/// <param name="Timex">The TIMEX expression, e.g. "2026-11-28T20".</param>
/// <param name="Type">"date", "time", "datetime", "daterange", "datetimerange", "set", "duration", ...</param>
/// <param name="Value">The local moment for single values ("2026-11-28 20:00:00").</param>
/// <param name="Start">Start of a range, local.</param>
/// <param name="End">End of a range, local.</param>
/// <param name="TimeZoneId">The time zone the local values are in.</param>
public sealed record DateTimeResolution(string Timex, string Type, string? Value, string? Start, string? End, string TimeZoneId)
{
    /// <summary>The moment this names (or the start of the range), as an offset time in the user's zone.</summary>
    public DateTimeOffset? ToDateTimeOffset()
    {
        var local = Value ?? Start;
        if (local is null || !DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        var zone = TimeZones.Find(TimeZoneId);
        return new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
    }

    /// <summary>The end of a range as an offset time in the user's zone.</summary>
    public DateTimeOffset? EndToDateTimeOffset()
    {
        if (End is null || !DateTime.TryParse(End, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        return new DateTimeOffset(parsed, TimeZones.Find(TimeZoneId).GetUtcOffset(parsed));
    }
}
