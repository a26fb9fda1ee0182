using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Channels;
using ReflectBot.Content;
using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// The optional note to a linked clinician after a crisis reply: only when the clinician turned safety
/// notes on ("safety notes on") and the client agreed to them when connecting. It says that a safety check
/// happened and when, nothing else; nobody monitors it in real time, and the client was told both.
/// </summary>
public sealed class ClinicianSafetyNotes(ClinicLinks links, ClinicStore store, SafetyContent content, StringCatalog strings, IServiceProvider services) : ISafetyNotifier
{
    public async Task<string?> RecipientAsync(string userId, CancellationToken cancellationToken = default)
        => (await RecipientsAsync(userId, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.ClinicianName;

    public async Task NotifyAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Resolved here, not injected: the messenger needs the adapter, whose middleware (the safety screen) needs this.
        var messenger = services.GetRequiredService<ProactiveMessenger>();
        foreach (var link in await RecipientsAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            var text = content.Replies.AlertMessage
                .Replace("{client}", link.ClientName, StringComparison.Ordinal)
                .Replace("{time}", strings.Text(ClinicStrings.SafetyNoteTime, ("clock", at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)), ("date", at.UtcDateTime.ToString("d MMM", CultureInfo.InvariantCulture))), StringComparison.Ordinal);
            await messenger.SendAsync(link.ClinicianId, MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        }
    }

    public static string SettingsKey(string clinicianId) => $"settings/{ClinicKeys.Segment(clinicianId)}";

    private async Task<List<ClientLink>> RecipientsAsync(string userId, CancellationToken cancellationToken)
    {
        var recipients = new List<ClientLink>();
        foreach (var link in await links.OfClientAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (link.Consent.SafetyNotes && (await store.GetAsync<ClinicianSettings>(SettingsKey(link.ClinicianId), cancellationToken).ConfigureAwait(false))?.SafetyNotes == true)
            {
                recipients.Add(link);
            }
        }

        return recipients;
    }
}
