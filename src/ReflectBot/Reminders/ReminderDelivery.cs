using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReflectBot.Channels;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;

namespace ReflectBot.Reminders;

/// <summary>
/// The person's own reminders and Sunday look back as the scheduler's own kind of due item (<see cref="IDueDelivery"/>),
/// run in its round under the same leader lease. An occurrence goes out only within <see cref="Grace"/> of its
/// time, outside quiet hours (in the person's zone) unless the person chose a time inside them, while neither paused for a while nor switched off with
/// "pause reminders"; it is claimed first by writing <see cref="Reminder.SentFor"/> under the record's ETag, so two
/// instances never both send it, and a failed send gives the claim back for the next round. The journal is read
/// only for a look back that is due and claimed: one read a week per person who asked for it.
/// </summary>
public sealed class ReminderDelivery(
    ClinicStore store,
    JourneyCatalog journeys,
    CardCatalog cards,
    IJournalStore journal,
    IReminderPreferences preferences,
    ConversationReferences references,
    ProactiveMessenger messenger,
    IOptions<ClinicOptions> options,
    StringCatalog strings) : IDueDelivery
{
    /// <summary>A reminder later than this (held by quiet hours, a pause, an outage) is let go rather than sent late.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public async Task<int> DeliverDueAsync(DateTimeOffset utcNow, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(ReminderRecord.Prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        var sent = 0;
        foreach (var key in keys)
        {
            sent += await DeliverAsync(key, utcNow, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> DeliverAsync(string key, DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        var read = await store.ReadAsync<ReminderRecord>(key, cancellationToken).ConfigureAwait(false);
        if (read?.Value is not { } record || record.PausedUntilUtc > utcNow)
        {
            return 0;
        }

        var due = record.Reminders.Append(record.Week).OfType<Reminder>()
            .Select(r => (Reminder: r, At: Due(r, utcNow)))
            .Where(d => d.At is { } at && d.Reminder.SentFor != at && (ChosenInQuietHours(d.Reminder) || !QuietHours.Contains(utcNow, d.Reminder.Recurrence.TimeZoneId, Time(options.Value.QuietHoursStart), Time(options.Value.QuietHoursEnd))))
            .ToList();
        if (due.Count == 0
            || await preferences.ArePausedAsync(record.UserId, cancellationToken).ConfigureAwait(false)
            || await references.GetAsync(record.UserId, cancellationToken).ConfigureAwait(false) is null)
        {
            return 0;
        }

        var previous = due.ToDictionary(d => d.Reminder, d => d.Reminder.SentFor);
        foreach (var (reminder, at) in due)
        {
            reminder.SentFor = at;
        }

        if (!await store.TryReplaceAsync(key, record, read.ETag, cancellationToken).ConfigureAwait(false))
        {
            // Another instance claimed them first, or the person changed their reminders: the next round reads again.
            return 0;
        }

        var sent = 0;
        foreach (var (reminder, at) in due)
        {
            if (await SendAsync(record.UserId, reminder, utcNow, cancellationToken).ConfigureAwait(false))
            {
                sent++;
                continue;
            }

            // Give the claim back, unless the person changed it since.
            var number = reminder.Number;
            var week = reminder.JourneyId is null;
            var before = previous[reminder];
            await store.UpdateAsync<ReminderRecord>(key, current =>
            {
                var mine = week ? current?.Week : current?.Reminders.FirstOrDefault(r => r.Number == number);
                if (mine is null || mine.SentFor != at)
                {
                    return null;
                }

                mine.SentFor = before;
                return current;
            }, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    /// <summary>The latest occurrence in the last <see cref="Grace"/>, or null.</summary>
    public static DateTimeOffset? Due(Reminder reminder, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.Recurrence.Between(utcNow - Grace, utcNow.AddTicks(1)).Select(o => (DateTimeOffset?)o).LastOrDefault();
    }

    private async Task<bool> SendAsync(string userId, Reminder reminder, DateTimeOffset utcNow, CancellationToken cancellationToken)
    {
        IMessageActivity message;
        if (reminder.JourneyId is null)
        {
            var zone = TimeZones.Find(reminder.Recurrence.TimeZoneId);
            var entries = await journal.ListAsync(userId, cancellationToken).ConfigureAwait(false);
            message = WeekLookBack.Build(entries, zone, utcNow, cards, strings);
            message.Text = strings[RemindersStrings.WeekDue] + "\n\n" + message.Text;
            message.Speak = message.Text;
        }
        else if (journeys.Find(reminder.JourneyId) is { } journey)
        {
            message = ReminderCard.Build(journey.Title, journey.StartCommand, strings);
        }
        else
        {
            // Its journey is gone from the content: nothing to start, so nothing to send.
            return false;
        }

        try
        {
            return await messenger.SendAsync(userId, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    // A time the person chose inside quiet hours was theirs to choose (ReminderCommands says so when they set it).
    private bool ChosenInQuietHours(Reminder reminder)
        => TimeOnly.TryParseExact(reminder.Recurrence.LocalTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            && ReminderCommands.InQuietHours(at, options.Value);

    private static TimeOnly Time(string text) => ClinicOptionsValidator.TryParseTime(text, out var t) ? t : TimeOnly.MinValue;
}
