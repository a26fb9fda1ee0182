using System.Globalization;
using System.Text.RegularExpressions;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Clinic;

/// <summary>
/// Reads a schedule a clinician writes ("every Monday and Thursday at 7pm until 20 December", "tomorrow
/// morning", "daily at 9 for two weeks") into a <see cref="Recurrence"/> in the client's time zone. The
/// date-time recognizer does the reading; its pieces are put together here, because on a compound phrase
/// it returns fragments (a "set" for "every Monday", a range for "Thursday at 7pm until 20").
/// </summary>
public static partial class ScheduleParser
{
    private static readonly TimeOnly DefaultTime = new(9, 0);

    public static Recurrence? Parse(string? text, TimeZoneInfo zone, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var rest = text.Trim().ToLowerInvariant();
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime);

        DateOnly? until = null;
        if (Until().Match(rest) is { Success: true } untilMatch)
        {
            until = FirstDateOnOrAfter(untilMatch.Groups["what"].Value, zone, utcNow, localToday);
            if (until is null)
            {
                return null;
            }

            rest = rest[..untilMatch.Index];
        }

        int? count = null;
        if (Times().Match(rest) is { Success: true } timesMatch && ParseNumber(timesMatch.Groups["n"].Value) is { } n)
        {
            count = n;
            rest = rest.Remove(timesMatch.Index, timesMatch.Length);
        }
        else if (For().Match(rest) is { Success: true } forMatch && DurationDays(forMatch.Groups["what"].Value, zone, utcNow) is { } days)
        {
            until = localToday.AddDays(days - 1);
            rest = rest[..forMatch.Index];
        }

        var found = DateTimePrompt.Recognize(rest, zone, utcNow);
        var recurring = found.Any(r => r.Type == "set") || Repeating().IsMatch(rest);
        return recurring
            ? Repeating(rest, found, zone, utcNow, localToday, until, count)
            : Once(found, zone, utcNow);
    }

    private static Recurrence? Repeating(string text, IReadOnlyList<DateTimeResolution> found, TimeZoneInfo zone, DateTimeOffset utcNow, DateOnly localToday, DateOnly? until, int? count)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var r in found)
        {
            foreach (Match m in WeekdayTimex().Matches(r.Timex))
            {
                days.Add((DayOfWeek)(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 7));
            }
        }

        foreach (Match m in DayName().Matches(text))
        {
            days.Add(m.Groups[1].Value[..3] switch
            {
                "mon" => DayOfWeek.Monday,
                "tue" => DayOfWeek.Tuesday,
                "wed" => DayOfWeek.Wednesday,
                "thu" => DayOfWeek.Thursday,
                "fri" => DayOfWeek.Friday,
                "sat" => DayOfWeek.Saturday,
                _ => DayOfWeek.Sunday,
            });
        }

        if (found.Any(r => r.Timex == "P1WD") || Weekdays().IsMatch(text))
        {
            days.UnionWith([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        }

        if (Weekends().IsMatch(text))
        {
            days.UnionWith([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        }

        if (days.Count == 0)
        {
            days.UnionWith(Enum.GetValues<DayOfWeek>());
        }

        return new Recurrence
        {
            Days = [.. days.OrderBy(d => ((int)d + 6) % 7)],
            LocalTime = (TimeOf(found) ?? DefaultTime).ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZoneId = zone.Id,
            StartDate = localToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            UntilDate = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Count = count,
            NotBeforeUtc = utcNow,
        };
    }

    private static Recurrence? Once(IReadOnlyList<DateTimeResolution> found, TimeZoneInfo zone, DateTimeOffset utcNow)
    {
        // The recognizer lists readings ahead of now first.
        foreach (var r in found.Where(r => r.Type is "datetime" or "date" or "datetimerange" or "daterange" or "time"))
        {
            var local = r.Value ?? r.Start;
            if (local is null)
            {
                continue;
            }

            DateTime at;
            if (r.Type == "time")
            {
                if (!TimeOnly.TryParse(local, CultureInfo.InvariantCulture, out var timeOnly))
                {
                    continue;
                }

                var today = TimeZoneInfo.ConvertTime(utcNow, zone).DateTime.Date;
                at = today.Add(timeOnly.ToTimeSpan());
                if (Recurrence.ToUtc(at, zone) < utcNow)
                {
                    at = at.AddDays(1);
                }
            }
            else if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
            {
                continue;
            }

            if (r.Type is "date" or "daterange")
            {
                at = at.Date.Add(DefaultTime.ToTimeSpan());
            }

            if (Recurrence.ToUtc(at, zone) < utcNow)
            {
                continue;
            }

            return new Recurrence
            {
                LocalTime = TimeOnly.FromDateTime(at).ToString("HH:mm", CultureInfo.InvariantCulture),
                TimeZoneId = zone.Id,
                StartDate = DateOnly.FromDateTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Count = 1,
                NotBeforeUtc = utcNow,
            };
        }

        return null;
    }

    private static TimeOnly? TimeOf(IEnumerable<DateTimeResolution> found)
    {
        foreach (var r in found.Where(r => r.Type != "duration"))
        {
            if (ClockTimex().Match(r.Timex) is { Success: true } clock)
            {
                var minutes = clock.Groups[2].Success ? int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
                return new TimeOnly(int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) % 24, minutes);
            }

            if (PartOfDayTimex().Match(r.Timex) is { Success: true } part)
            {
                return part.Groups[1].Value switch
                {
                    "MO" => new TimeOnly(9, 0),
                    "AF" => new TimeOnly(15, 0),
                    "EV" => new TimeOnly(19, 0),
                    _ => new TimeOnly(20, 0),
                };
            }
        }

        return null;
    }

    private static DateOnly? FirstDateOnOrAfter(string text, TimeZoneInfo zone, DateTimeOffset utcNow, DateOnly localToday)
    {
        foreach (var r in DateTimePrompt.Recognize(text, zone, utcNow))
        {
            if ((r.Value ?? r.Start) is { } local && DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && DateOnly.FromDateTime(parsed) >= localToday)
            {
                return DateOnly.FromDateTime(parsed);
            }
        }

        return null;
    }

    private static int? DurationDays(string text, TimeZoneInfo zone, DateTimeOffset utcNow)
    {
        foreach (var r in DateTimePrompt.Recognize(text, zone, utcNow).Where(r => r.Type == "duration"))
        {
            if (double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 86_400)
            {
                return (int)Math.Round(seconds / 86_400);
            }
        }

        return null;
    }

    private static int? ParseNumber(string text) => text switch
    {
        "once" or "one" => 1,
        "twice" or "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 366 ? n : null,
    };

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\s*\b(?:until|till|through|up to)\s+(?<what>.+)$", Options)]
    private static partial Regex Until();

    [GeneratedRegex(@"\s*\bfor\s+(?:the\s+next\s+)?(?<what>.+)$", Options)]
    private static partial Regex For();

    [GeneratedRegex(@"\s*\b(?:for\s+)?(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+times\b", Options)]
    private static partial Regex Times();

    [GeneratedRegex(@"\b(every|each|daily|weekly|nightly|weekdays|weekends)\b|\b(mon|tues|wednes|thurs|fri|satur|sun)days\b", Options)]
    private static partial Regex Repeating();

    [GeneratedRegex(@"\b(mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b", Options)]
    private static partial Regex DayName();

    [GeneratedRegex(@"\bweekdays?\b|\bworkdays?\b", Options)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"\bweekends?\b", Options)]
    private static partial Regex Weekends();

    [GeneratedRegex(@"XXXX-WXX-(\d)")]
    private static partial Regex WeekdayTimex();

    [GeneratedRegex(@"T(\d{2})(?::(\d{2}))?")]
    private static partial Regex ClockTimex();

    [GeneratedRegex(@"T(MO|AF|EV|NI)")]
    private static partial Regex PartOfDayTimex();
}
