namespace ReflectBot.Clinic;

/// <summary>Links between clients and clinicians, written and ended by the client.</summary>
public sealed class ClinicLinks(ClinicStore store, TimeProvider time)
{
    public async Task<ClientLink> LinkAsync(string clientId, string clientName, JoinCode code, ClinicConsent consent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var link = new ClientLink
        {
            ClientId = clientId,
            ClientName = clientName,
            ClinicianId = code.ClinicianId,
            ClinicianName = code.ClinicianName,
            Consent = consent,
            LinkedUtc = time.GetUtcNow(),
        };

        // The roster pointer first: a pointer without a link grants nothing, a link without a pointer would be invisible.
        await store.WriteAsync(ClinicKeys.Roster(code.ClinicianId, clientId), new SharedMark { EntryId = clientId, SharedUtc = link.LinkedUtc }, cancellationToken: cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(ClinicKeys.Link(clientId, code.ClinicianId), link, cancellationToken: cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <summary>The client's links, oldest first.</summary>
    public async Task<IReadOnlyList<ClientLink>> OfClientAsync(string clientId, CancellationToken cancellationToken = default)
        => [.. (await store.ListValuesAsync<ClientLink>(ClinicKeys.LinksOfClient(clientId), cancellationToken).ConfigureAwait(false)).OrderBy(l => l.LinkedUtc).ThenBy(l => l.ClinicianName, StringComparer.Ordinal)];

    public Task<ClientLink?> FindAsync(string clientId, string clinicianId, CancellationToken cancellationToken = default)
        => store.GetAsync<ClientLink>(ClinicKeys.Link(clientId, clinicianId), cancellationToken);

    /// <summary>Replaces the consent of an existing link; null when the link is gone.</summary>
    public async Task<ClientLink?> SetConsentAsync(string clientId, string clinicianId, ClinicConsent consent, CancellationToken cancellationToken = default)
    {
        ClientLink? updated = null;
        await store.UpdateAsync<ClientLink>(ClinicKeys.Link(clientId, clinicianId), current =>
        {
            if (current is null)
            {
                return null;
            }

            current.Consent = consent;
            updated = current;
            return current;
        }, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>
    /// Ends a link: the link record goes first (from that moment the clinician can read nothing), then
    /// the clinician's assignments for this client are cancelled and the roster pointer removed.
    /// </summary>
    public async Task<bool> UnlinkAsync(string clientId, string clinicianId, CancellationToken cancellationToken = default)
    {
        var existed = await store.DeleteAsync(ClinicKeys.Link(clientId, clinicianId), cancellationToken).ConfigureAwait(false);
        foreach (var assignment in await store.ListValuesAsync<Assignment>(ClinicKeys.AssignmentsOf(clientId), cancellationToken).ConfigureAwait(false))
        {
            if (assignment.ClinicianId == clinicianId && !assignment.Cancelled)
            {
                await store.UpdateAsync<Assignment>(ClinicKeys.Assignment(clientId, assignment.Id), a =>
                {
                    if (a is null)
                    {
                        return null;
                    }

                    a.Cancelled = true;
                    return a;
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        await store.DeleteAsync(ClinicKeys.Roster(clinicianId, clientId), cancellationToken).ConfigureAwait(false);
        return existed;
    }
}
