using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;

namespace ReflectBot.Reminders;

/// <summary>
/// A person's own reminders: "remind me to check in every evening at 8" (or "remind me every weekday at 8am to
/// journal"), "my reminders", "pause reminders for a week", "delete reminder 2" / "delete my reminders", and the
/// weekly look back, "send me my week on Sundays" / "stop sending my week". Times are read by the date-time
/// recognizer in the person's time zone, as a clinician's schedules are (<see cref="ScheduleParser"/>). A pause is
/// for a while ("for a week", "for 3 days") or until a day ("until friday", "till the 10th"), when they start again.
/// "pause reminders" and "stop reminders" without a time stay the privacy feature's switch, which the
/// delivery respects too.
/// </summary>
public sealed partial class ReminderCommands(ClinicStore store, JourneyCatalog journeys, TimeProvider time, IOptions<ClinicOptions> options, StringCatalog strings) : ITurnCommand
{
    public const string DefaultJourneyId = "daily-check-in";

    /// <summary>The local time the weekly look back comes on Sundays.</summary>
    public static readonly TimeOnly WeekTime = new(18, 0);

    public static bool Claims(string text)
        => RemindMe().IsMatch(text) || List().IsMatch(text) || PauseFor().IsMatch(text) || Delete().IsMatch(text)
            || WeekOn().IsMatch(text) || WeekOff().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) || !Claims(text))
        {
            return false;
        }

        var zone = TimeZones.Of(turn.Context);
        var now = time.GetUtcNow();
        var reply = text switch
        {
            _ when RemindMe().Match(text) is { Success: true } m => await SetAsync(turn.UserId, m.Groups["rest"].Value, zone, now, cancellationToken).ConfigureAwait(false),
            _ when PauseFor().Match(text) is { Success: true } m => await PauseAsync(turn.UserId, m.Groups["how"].Value, m.Groups["what"].Value, zone, now, cancellationToken).ConfigureAwait(false),
            _ when Delete().Match(text) is { Success: true } m => await DeleteAsync(turn.UserId, m.Groups["n"].Success ? m.Groups["n"].Value : null, cancellationToken).ConfigureAwait(false),
            _ when WeekOn().IsMatch(text) => await WeekAsync(turn.UserId, zone, now, cancellationToken).ConfigureAwait(false),
            _ when WeekOff().IsMatch(text) => await WeekOffAsync(turn.UserId, cancellationToken).ConfigureAwait(false),
            _ => await ListAsync(turn.UserId, zone, cancellationToken).ConfigureAwait(false),
        };
        await turn.Context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<string> SetAsync(string userId, string rest, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (journey, schedule, defaulted) = Split(rest.Trim());
        if (journey is null)
        {
            return strings.Text(RemindersStrings.UnknownJourney, ("journeys", ClinicStrings.List(strings, [.. journeys.All.OrderBy(j => j.Title, StringComparer.Ordinal).Select(j => $"\"{j.StartCommand}\"")])));
        }

        if (ScheduleParser.Parse(schedule, zone, now) is not { } recurrence)
        {
            return strings.Text(RemindersStrings.Unclear, ("phrase", schedule));
        }

        // "every evening at 9": the recognizer may read the 9 as the morning; the evening says which.
        if (Evening().IsMatch(schedule) && TimeOnly.ParseExact(recurrence.LocalTime, "HH:mm", CultureInfo.InvariantCulture) is { Hour: < 12 } morning)
        {
            recurrence.LocalTime = morning.AddHours(12).ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        // Quiet hours keep what the person did not time (a clinician's assignments, a reminder held up by an outage)
        // out of their night. A time they choose themselves inside them (a 7:15am before a shift) is theirs: it is
        // kept, and said plainly. Refusing it sent a usability tester looking for a setting that did not exist.
        var o = options.Value;
        var at = TimeOnly.ParseExact(recurrence.LocalTime, "HH:mm", CultureInfo.InvariantCulture);
        var quiet = InQuietHours(at, o) ? " " + strings.Text(RemindersStrings.InQuietHours, ("time", recurrence.LocalTime), ("start", o.QuietHoursStart), ("end", o.QuietHoursEnd)) : string.Empty;

        var reminder = new Reminder { JourneyId = journey.Id, Recurrence = recurrence };
        var full = false;
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), record =>
        {
            record ??= new ReminderRecord { UserId = userId };
            full = record.Reminders.Count >= ReminderRecord.MaxReminders;
            if (full)
            {
                return null;
            }

            reminder.Number = record.Reminders.Select(r => r.Number).DefaultIfEmpty(0).Max() + 1;
            record.Reminders.Add(reminder);
            return record;
        }, cancellationToken).ConfigureAwait(false);
        return full
            ? strings.Text(RemindersStrings.TooMany, ("max", ReminderRecord.MaxReminders))
            : strings.Text(defaulted ? RemindersStrings.SetDefault : RemindersStrings.Set, ("number", reminder.Number), ("title", journey.Title), ("schedule", recurrence.Describe(strings))) + quiet;
    }

    // The journey named anywhere in the sentence, best with its lead-in ("to check in", "to do a thought record",
    // "for a thought record", "for my fears"), else by its name alone; the rest is the schedule. None named: the daily
    // check-in, said so plainly in the reply (Defaulted), unless the sentence names something else ("to call mum",
    // "for my homework"), which is asked about rather than swapped for the check-in.
    private (JourneyDefinition? Journey, string Schedule, bool Defaulted) Split(string rest)
    {
        var names = journeys.All
            .SelectMany(j => j.Commands.Append(j.Title).Select(c => (Journey: j, Words: KeywordCues.Words(c))))
            .Where(n => n.Words.Length > 0)
            .OrderByDescending(n => string.Join(' ', n.Words).Length)
            .ToList();
        foreach (var leadIn in new[] { LeadIn, string.Empty })
        {
            foreach (var (journey, words) in names)
            {
                // Words of a command, as written with spaces or hyphens ("check in", "check-in").
                var name = string.Join(@"[\s-]+", words.Select(Regex.Escape));
                if (Regex.Match(rest, $@"(?:^|\s){leadIn}{name}\b", Options, TimeSpan.FromSeconds(1)) is { Success: true } found)
                {
                    var schedule = rest.Remove(found.Index, found.Length).Insert(found.Index, " ");
                    return (journey, Spaces().Replace(schedule, " ").Trim(), false);
                }
            }
        }

        return ToSomething().IsMatch(rest) || ForSomething().IsMatch(rest) ? (null, rest, false) : (journeys.Find(DefaultJourneyId), rest, true);
    }

    /// <summary>What comes before a journey's name when someone says which one: "to", "to do a", "for my", "for the".</summary>
    private const string LeadIn = @"(?:to|for)\s+(?:(?:do|write|fill\s+in|start|have|try|make|complete)\s+)?(?:(?:a|an|my|the|some)\s+)?";

    private async Task<string> PauseAsync(string userId, string how, string what, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resumes = how.Equals("for", StringComparison.OrdinalIgnoreCase) ? ResumeAfter(what, zone, now) : ResumeOn(what, zone, now);
        if (resumes is not { } resume)
        {
            return strings.Text(RemindersStrings.PauseUnclear, ("phrase", what));
        }

        List<int> missed = [];
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), record =>
        {
            record ??= new ReminderRecord { UserId = userId };
            record.PausedUntilUtc = resume;

            // A one-off that falls inside the pause will not come (nothing is sent late): said now, not found out later.
            missed = [.. record.Reminders.Where(r => r.Recurrence.IsOneOff && r.Recurrence.Next(now) is { } next && next < resume).Select(r => r.Number).Order()];
            return record;
        }, cancellationToken).ConfigureAwait(false);
        var paused = strings.Text(RemindersStrings.Paused, ("until", Local(resume, zone)));
        return missed.Count == 0 ? paused : paused + " " + strings.Text(RemindersStrings.PausedOneOff, ("numbers", ClinicStrings.List(strings, [.. missed.Select(n => n.ToString(CultureInfo.InvariantCulture))])));
    }

    private static DateTimeOffset? ResumeAfter(string what, TimeZoneInfo zone, DateTimeOffset now)
    {
        var seconds = DateTimePrompt.Recognize("for " + what, zone, now)
            .Where(r => r.Type == "duration")
            .Select(r => double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .FirstOrDefault(s => s > 0);
        return seconds > 0 ? now.AddSeconds(Math.Min(seconds, MaxPause.TotalSeconds)) : null;
    }

    // "until friday": they start again that day, so the pause ends at its first minute; "until 6pm tomorrow" ends then.
    // The next such day ahead, never one gone by, and never further than a year.
    private static DateTimeOffset? ResumeOn(string what, TimeZoneInfo zone, DateTimeOffset now)
    {
        var at = DateTimePrompt.Recognize(what, zone, now)
            .Where(r => r.Type is "date" or "datetime" or "daterange" or "datetimerange")
            .Select(r => r.ToDateTimeOffset())
            .FirstOrDefault(a => a is { } t && t > now);
        return at is { } resume && resume - now <= MaxPause ? resume : null;
    }

    private static readonly TimeSpan MaxPause = TimeSpan.FromDays(366);

    private async Task<string> DeleteAsync(string userId, string? number, CancellationToken cancellationToken)
    {
        var found = false;
        var n = number is null ? 0 : int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), record =>
        {
            if (record is null)
            {
                return null;
            }

            found = number is null ? record.Reminders.Count > 0 : record.Reminders.RemoveAll(r => r.Number == n) > 0;
            if (number is null)
            {
                record.Reminders.Clear();
            }

            return found ? record : null;
        }, cancellationToken).ConfigureAwait(false);
        return number is null ? strings[RemindersStrings.DeletedAll]
            : found ? strings.Text(RemindersStrings.Deleted, ("number", n))
            : strings.Text(RemindersStrings.NoSuchReminder, ("number", n));
    }

    private async Task<string> WeekAsync(string userId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recurrence = new Recurrence
        {
            Days = [DayOfWeek.Sunday],
            LocalTime = WeekTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZoneId = zone.Id,
            StartDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NotBeforeUtc = now,
        };
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), record =>
        {
            record ??= new ReminderRecord { UserId = userId };
            record.Week = new Reminder { Recurrence = recurrence };
            return record;
        }, cancellationToken).ConfigureAwait(false);
        return strings.Text(RemindersStrings.WeekOn, ("schedule", recurrence.Describe(strings)));
    }

    private async Task<string> WeekOffAsync(string userId, CancellationToken cancellationToken)
    {
        var was = false;
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), record =>
        {
            was = record?.Week is not null;
            if (!was)
            {
                return null;
            }

            record!.Week = null;
            return record;
        }, cancellationToken).ConfigureAwait(false);
        return strings[was ? RemindersStrings.WeekOff : RemindersStrings.WeekWasOff];
    }

    private async Task<string> ListAsync(string userId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync<ReminderRecord>(ReminderRecord.KeyOf(userId), cancellationToken).ConfigureAwait(false);
        if (record is null || record.IsEmpty)
        {
            return strings[RemindersStrings.None];
        }

        var lines = new List<string> { strings[RemindersStrings.ListHeading] };
        lines.AddRange(record.Reminders.OrderBy(r => r.Number).Select(r => strings.Text(
            RemindersStrings.ListItem, ("number", r.Number), ("title", journeys.Find(r.JourneyId ?? string.Empty)?.Title ?? r.JourneyId), ("schedule", r.Recurrence.Describe(strings)))));
        if (record.Week is { } week)
        {
            lines.Add(strings.Text(RemindersStrings.ListWeek, ("schedule", week.Recurrence.Describe(strings))));
        }

        if (record.PausedUntilUtc is { } until && until > time.GetUtcNow())
        {
            lines.Add(strings.Text(RemindersStrings.ListPaused, ("until", Local(until, zone))));
        }

        lines.Add(strings[RemindersStrings.ListHint]);
        return string.Join("\n", lines);
    }

    /// <summary>Whether a local time of day falls in the configured quiet hours (the window may wrap midnight).</summary>
    public static bool InQuietHours(TimeOnly at, ClinicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var start = ClinicOptionsValidator.TryParseTime(options.QuietHoursStart, out var s) ? s : TimeOnly.MinValue;
        var end = ClinicOptionsValidator.TryParseTime(options.QuietHoursEnd, out var e) ? e : TimeOnly.MinValue;
        return start <= end ? at >= start && at < end : at >= start || at < end;
    }

    private static string Local(DateTimeOffset utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(utc, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*remind me\b\s*(?<rest>.+?)\s*[.!]*\s*$", Options)]
    private static partial Regex RemindMe();

    [GeneratedRegex(@"^\s*(my|show my|list my|show me my) reminders\s*[.!?]*\s*$", Options)]
    private static partial Regex List();

    [GeneratedRegex(@"^\s*pause (my |all )?(my )?reminders (?<how>for|until|till|til|'til|to)\s+(?<what>.+?)\s*[.!]*\s*$", Options)]
    private static partial Regex PauseFor();

    [GeneratedRegex(@"^\s*(delete|remove|cancel|clear) (my reminders|all (my )?reminders|reminder\s+(?<n>\d{1,3}))\s*[.!]*\s*$", Options)]
    private static partial Regex Delete();

    [GeneratedRegex(@"^\s*(send|show) me my week (on |every )?sundays?\s*[.!]*\s*$", Options)]
    private static partial Regex WeekOn();

    [GeneratedRegex(@"^\s*(stop|don't|do not) (sending|send) (me )?my week( on sundays?)?\s*[.!]*\s*$", Options)]
    private static partial Regex WeekOff();

    [GeneratedRegex(@"\b(evening|evenings|night|nights|tonight|pm)\b", Options)]
    private static partial Regex Evening();

    [GeneratedRegex(@"^to\s|\bto\s+(?:do|write|fill|try|start|make|complete)\b", Options)]
    private static partial Regex ToSomething();

    // "for my homework", "for a walk": something named that is no journey; not "for a week", "for a while".
    [GeneratedRegex(@"\bfor\s+(?:a|an|my|the|some)\s+(?!(?:week|weeks|month|months|day|days|while|bit|few|couple|year)\b)\p{L}", Options)]
    private static partial Regex ForSomething();

    [GeneratedRegex(@"\s+", Options)]
    private static partial Regex Spaces();
}
