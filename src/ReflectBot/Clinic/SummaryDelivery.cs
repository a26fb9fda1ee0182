using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Channels;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Clinic;

/// <summary>
/// The pre-session summary as a due item of the scheduler's round: once a session is less than
/// <see cref="ClinicOptions.SummaryLead"/> away, and not in the clinician's quiet hours, the summary goes to the
/// clinician's conversation. Exactly once across instances: the session record is claimed (SummarySentFor)
/// under its ETag before sending, and a failed send releases the claim for the next round.
/// </summary>
public sealed class SummaryDelivery(
    ClinicStore store,
    SummaryNotes notes,
    ConversationReferences references,
    ProactiveMessenger messenger,
    IOptions<ClinicOptions> options,
    StringCatalog strings) : IDueDelivery
{
    public const string AllSessions = "sessions";

    public async Task<int> DeliverDueAsync(DateTimeOffset utcNow, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var o = options.Value;
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(AllSessions, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            var read = await store.ReadAsync<SessionDate>(key, cancellationToken).ConfigureAwait(false);
            if (read?.Value is not { NextUtc: { } next } session
                || session.SummarySentFor == next
                || utcNow < next - o.SummaryLead
                || utcNow >= next
                || QuietHours.Contains(utcNow, session.TimeZone, Parse(o.QuietHoursStart), Parse(o.QuietHoursEnd)))
            {
                continue;
            }

            var parts = key.Split('/');
            var clientId = ClinicKeys.Unsegment(parts[1]);
            var clinicianId = ClinicKeys.Unsegment(parts[2]);
            if (await references.GetAsync(clinicianId, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            session.SummarySentFor = next;
            if (!await store.TryReplaceAsync(key, session, read.ETag, cancellationToken).ConfigureAwait(false))
            {
                // Another instance claimed it first.
                continue;
            }

            var zone = TimeZones.Find(session.TimeZone);
            var card = await notes.CardAsync(clinicianId, clientId, zone, cancellationToken).ConfigureAwait(false);
            var delivered = card is { } c && await SendAsync(clinicianId, c.Card, c.ClientName, next, zone, cancellationToken).ConfigureAwait(false);
            if (!delivered)
            {
                await store.UpdateAsync<SessionDate>(key, s => s is { } current && current.SummarySentFor == next ? Release(current) : null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            sent++;
        }

        return sent;
    }

    private async Task<bool> SendAsync(string clinicianId, Microsoft.Bot.Schema.Attachment card, string clientName, DateTimeOffset next, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var message = MessageFactory.Attachment(card, strings.Text(SessionStrings.SummaryDue, ("client", clientName), ("when", SummaryLines.When(next, zone))));
        try
        {
            return await messenger.SendAsync(clinicianId, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static SessionDate Release(SessionDate session)
    {
        session.SummarySentFor = null;
        return session;
    }

    private static TimeOnly Parse(string text) => ClinicOptionsValidator.TryParseTime(text, out var t) ? t : TimeOnly.MinValue;
}
