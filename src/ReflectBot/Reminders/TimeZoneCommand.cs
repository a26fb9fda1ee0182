using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;

namespace ReflectBot.Reminders;

/// <summary>
/// "my time zone is New York", "time zone Europe/London", "what's my time zone", "use my device's time zone". The
/// zone a channel reports can be wrong for the person (a terminal on a server, a laptop set to head office), and a
/// reminder "every evening at 8" then comes at the wrong hour. A zone they tell us wins from then on
/// (<see cref="UserProfile.TimeZoneTold"/>); their own reminders keep their local times in it, and a clinic client's
/// record follows at the end of the turn (the clinic reads the turn's zone).
/// </summary>
public sealed partial class TimeZoneCommand(ClinicStore store, StringCatalog strings, TimeProvider time) : ITurnCommand
{
    public static bool Claims(string text) => SetTo().IsMatch(text) || Show().IsMatch(text) || FromDevice().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) || !Claims(text))
        {
            return false;
        }

        var now = time.GetUtcNow();
        string reply;
        if (FromDevice().IsMatch(text))
        {
            turn.Profile.TimeZoneTold = false;
            var device = TimeZones.TryFind(turn.Context.Activity.LocalTimezone, out var reported) ? reported : null;
            if (device is not null)
            {
                await UseAsync(turn, device, cancellationToken).ConfigureAwait(false);
            }

            reply = device is null ? strings[RemindersStrings.ZoneNoDevice] : strings.Text(RemindersStrings.ZoneFromDevice, Describe(device, now));
        }
        else if (SetTo().Match(text) is { Success: true } set)
        {
            var phrase = set.Groups["zone"].Value.Trim();
            if (TimeZoneNames.Find(phrase) is not { } zone)
            {
                reply = strings.Text(RemindersStrings.ZoneUnknown, ("phrase", phrase));
            }
            else
            {
                turn.Profile.TimeZoneTold = true;
                await UseAsync(turn, zone, cancellationToken).ConfigureAwait(false);
                reply = strings.Text(RemindersStrings.ZoneSet, Describe(zone, now));
            }
        }
        else
        {
            reply = strings.Text(RemindersStrings.ZoneIs, Describe(TimeZones.Of(turn.Context), now));
        }

        await turn.Context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task UseAsync(TurnInfo turn, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        turn.Profile.TimeZone = zone.Id;
        turn.Context.TurnState.Set(zone);

        // "every evening at 8" meant 8 where the person is: the same local time in the new zone.
        await store.UpdateAsync<ReminderRecord>(ReminderRecord.KeyOf(turn.UserId), record =>
        {
            if (record is null || record.IsEmpty)
            {
                return null;
            }

            foreach (var reminder in record.Reminders.Append(record.Week).OfType<Reminder>())
            {
                reminder.Recurrence.TimeZoneId = zone.Id;
            }

            return record;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static (string Name, object? Value)[] Describe(TimeZoneInfo zone, DateTimeOffset now)
        =>
        [
            ("zone", $"{TimeZoneNames.CityOf(zone)} ({zone.Id})"),
            ("now", TimeZoneInfo.ConvertTime(now, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture)),
        ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?:(?:set|change|switch)\s+)?(?:my\s+)?time\s?zone\s*(?:is|to|:|=)?\s+(?!auto)(?<zone>[\p{L}/_ .'+-]{2,60}?)\s*[.!]*\s*$|^\s*i'?m in (?:the\s+)?(?<zone>[\p{L}/_ .'+-]{2,60}?)\s+time\s?zone\s*[.!]*\s*$", Options)]
    private static partial Regex SetTo();

    [GeneratedRegex(@"^\s*(?:(?:what'?s|what is|show(?: me)?)\s+)?(?:my\s+)?time\s?zone\s*\??\s*$", Options)]
    private static partial Regex Show();

    [GeneratedRegex(@"^\s*(?:use\s+)?(?:my\s+)?(?:device'?s?|browser'?s?|computer'?s?|phone'?s?)\s+time\s?zone\s*[.!]*\s*$|^\s*(?:my\s+)?time\s?zone\s*(?:is|to|:)?\s*auto(?:matic)?\s*[.!]*\s*$", Options)]
    private static partial Regex FromDevice();
}
