using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Storage;

namespace ReflectBot.Clinic;

/// <summary>
/// Shows the client, in their own turn, an assignment that is due but was never delivered (there was no
/// conversation to send it to, or it was held back). Uses the same create-only claim as
/// <see cref="AssignmentDelivery"/>, so it cannot also be sent by the scheduler. Kept apart from the
/// scheduler's sending so the adapter's middleware does not depend on the proactive messenger (which
/// depends on the adapter).
/// </summary>
public sealed class PendingDelivery(ClinicStore store, Assignments assignments, ClinicLinks links, TimeProvider time, IOptions<ClinicOptions> options, StringCatalog strings)
{
    private readonly ClinicOptions _options = options.Value;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];

    /// <returns>How many assignments were shown.</returns>
    public async Task<int> DeliverInTurnAsync(ITurnContext turnContext, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var now = time.GetUtcNow();
        var shown = 0;
        foreach (var assignment in await assignments.ActiveOfClientAsync(clientId, cancellationToken).ConfigureAwait(false))
        {
            var open = assignment.Recurrence.Between(now - _options.MissedAfter, now.AddTicks(1)).Select(d => (DateTimeOffset?)d).LastOrDefault();
            if (open is not { } due || await links.FindAsync(clientId, assignment.ClinicianId, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            var claim = new OccurrenceRecord { AssignmentId = assignment.Id, DueUtc = due, State = OccurrenceState.Claimed, Attempts = 1, ClaimedUtc = now, By = _instance };
            string etag;
            try
            {
                etag = await store.WriteAsync(ClinicKeys.Occurrence(assignment.Id, due), claim, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ETagConflictException)
            {
                continue;
            }

            await turnContext.SendActivityAsync(DeliveryCard.Build(assignment, strings), cancellationToken).ConfigureAwait(false);
            await AssignmentDelivery.Confirm(store, assignment.Id, due, claim, etag, now, cancellationToken).ConfigureAwait(false);
            shown++;
        }

        return shown;
    }
}
