using System.Globalization;
using Newtonsoft.Json;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Clinic;

/// <summary>
/// When an assignment is due, as the client means it: days of the week, a local time and a time zone,
/// from a first date until a last date or for a number of times. Occurrences are computed in local time
/// and only then turned into UTC, so "7pm" stays 7pm for the client across daylight-saving changes.
/// No days means a single occurrence on <see cref="StartDate"/>.
/// </summary>
public sealed class Recurrence
{
    private const int MaxDays = 2 * 366;

    /// <summary>Days it repeats on; empty for a one-off.</summary>
    [JsonProperty("days")]
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Local time of day, "HH:mm".</summary>
    [JsonProperty("time")]
    public string LocalTime { get; set; } = "09:00";

    [JsonProperty("timeZone")]
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The first local date considered, "yyyy-MM-dd".</summary>
    [JsonProperty("start")]
    public string StartDate { get; set; } = string.Empty;

    /// <summary>The last local date (inclusive), "yyyy-MM-dd"; null for no end date.</summary>
    [JsonProperty("until", NullValueHandling = NullValueHandling.Ignore)]
    public string? UntilDate { get; set; }

    /// <summary>How many occurrences at most; null for no limit.</summary>
    [JsonProperty("count", NullValueHandling = NullValueHandling.Ignore)]
    public int? Count { get; set; }

    /// <summary>Occurrences before this moment (when it was assigned) are not part of it.</summary>
    [JsonProperty("notBeforeUtc")]
    public DateTimeOffset NotBeforeUtc { get; set; }

    [JsonIgnore]
    public bool IsOneOff => Days.Count == 0;

    /// <summary>Every occurrence in order, as UTC instants.</summary>
    public IEnumerable<DateTimeOffset> Occurrences()
    {
        var zone = TimeZones.Find(TimeZoneId);
        var time = TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture);
        var date = DateOnly.ParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = UntilDate is null ? (DateOnly?)null : DateOnly.ParseExact(UntilDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yielded = 0;
        for (var i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            if ((until is { } last && date > last) || (Count is { } max && yielded >= max))
            {
                yield break;
            }

            if (!IsOneOff && !Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var at = ToUtc(date.ToDateTime(time), zone);
            if (at >= NotBeforeUtc)
            {
                yielded++;
                yield return at;
            }

            if (IsOneOff)
            {
                yield break;
            }
        }
    }

    /// <summary>The occurrences in [from, to).</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to)
        => Occurrences().SkipWhile(o => o < from).TakeWhile(o => o < to);

    /// <summary>The first occurrence at or after <paramref name="from"/>, or null when it is over.</summary>
    public DateTimeOffset? Next(DateTimeOffset from) => Occurrences().SkipWhile(o => o < from).Select(o => (DateTimeOffset?)o).FirstOrDefault();

    /// <summary>Says the schedule in plain words ("every Monday and Thursday at 19:00 until 20 Dec 2025 (Europe/London)").</summary>
    public string Describe(StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var zone = ("zone", (object?)TimeZoneId);
        var time = ("time", (object?)LocalTime);
        if (IsOneOff)
        {
            return strings.Text(ClinicStrings.ScheduleOnce, ("date", DateOnly.ParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture)), time, zone);
        }

        var until = ("until", (object?)(UntilDate is null ? null : DateOnly.ParseExact(UntilDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.CurrentCulture)));
        var count = ("count", (object?)Count);
        var days = ("days", (object?)ClinicStrings.List(strings, DayNames()));
        var daily = Days.Count == 7;
        var key = (UntilDate is not null, Count is not null) switch
        {
            (false, false) => daily ? ClinicStrings.ScheduleDaily : ClinicStrings.ScheduleDays,
            (true, false) => daily ? ClinicStrings.ScheduleDailyUntil : ClinicStrings.ScheduleDaysUntil,
            (false, true) => daily ? ClinicStrings.ScheduleDailyTimes : ClinicStrings.ScheduleDaysTimes,
            (true, true) => daily ? ClinicStrings.ScheduleDailyUntilTimes : ClinicStrings.ScheduleDaysUntilTimes,
        };
        return strings.Text(key, days, time, until, count, zone);
    }

    /// <summary>
    /// A local wall-clock time in a zone as UTC. A time that does not exist (the hour skipped when clocks
    /// go forward) moves forward by the gap; a time that happens twice (clocks go back) takes the first.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 180)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private List<string> DayNames()
        => [.. Days.Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d))];
}
