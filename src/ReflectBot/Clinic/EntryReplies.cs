using Microsoft.Bot.Builder;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// Shows a client, once, the replies their clinicians left on entries they shared, and what a clinician changed in
/// their settings, while the link lasts.
/// </summary>
public sealed class EntryReplies(ClinicStore store, ClinicLinks links, TimeProvider time, StringCatalog strings)
{
    public async Task<int> ShowPendingAsync(ITurnContext turnContext, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var shown = 0;
        await foreach (var key in store.ListAsync(ClinicKeys.RepliesOf(clientId), cancellationToken).ConfigureAwait(false))
        {
            if (await store.ReadAsync<EntryReply>(key, cancellationToken).ConfigureAwait(false) is not { Value: { ShownUtc: null } reply } read
                || await links.FindAsync(clientId, reply.ClinicianId, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            // Claimed under its ETag before it is shown, so two turns at once cannot both show it.
            reply.ShownUtc = time.GetUtcNow();
            if (!await store.TryReplaceAsync(key, reply, read.ETag, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var said = reply.Notice ?? strings.Text(SessionStrings.ReplyShown, ("clinician", reply.ClinicianName), ("title", reply.EntryTitle), ("text", reply.Text));
            await turnContext.SendActivityAsync(MessageFactory.Text(said), cancellationToken).ConfigureAwait(false);
            shown++;
        }

        return shown;
    }
}
