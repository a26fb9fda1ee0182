using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Clinic;

/// <summary>Whether a moment falls in the client's quiet hours, in their local time; the window may wrap midnight.</summary>
public static class QuietHours
{
    public static bool Contains(DateTimeOffset utc, string timeZoneId, TimeOnly start, TimeOnly end)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, TimeZones.Find(timeZoneId)).DateTime);
        return start <= end
            ? local >= start && local < end
            : local >= start || local < end;
    }
}
