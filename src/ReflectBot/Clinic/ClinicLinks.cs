namespace ReflectBot.Clinic;

/// <summary>
/// Links between clients and clinicians, written and ended by the client, and the entries the client shared
/// over each. A shared-entry mark belongs to one link: another clinician never sees it, and it goes when the
/// link ends, so a clinician who connects later (or again) starts with nothing shared.
/// </summary>
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

        // Marks left by an earlier link to the same clinician (an unlink that stopped half-way) must not
        // come back with this one.
        await store.DeleteFolderAsync(ClinicKeys.SharedOver(clientId, code.ClinicianId), cancellationToken).ConfigureAwait(false);

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
    /// Ends a link: the link record goes first (from that moment the clinician can read nothing), then what
    /// the client shared over it, the clinician's assignments for this client (cancelled) and the roster pointer.
    /// </summary>
    public async Task<bool> UnlinkAsync(string clientId, string clinicianId, CancellationToken cancellationToken = default)
    {
        var existed = await store.DeleteAsync(ClinicKeys.Link(clientId, clinicianId), cancellationToken).ConfigureAwait(false);
        await store.DeleteFolderAsync(ClinicKeys.SharedOver(clientId, clinicianId), cancellationToken).ConfigureAwait(false);

        // The next session's date belongs to the link; with it goes the summary that would have been sent.
        await store.DeleteAsync(ClinicKeys.Session(clientId, clinicianId), cancellationToken).ConfigureAwait(false);

        // So do the settings this clinician chose for the client: they no longer apply.
        await store.DeleteAsync(ClinicKeys.Settings(clientId, clinicianId), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Marks an entry as shared over each of the client's links; returns the links.</summary>
    public async Task<IReadOnlyList<ClientLink>> ShareAsync(string clientId, string entryId, CancellationToken cancellationToken = default)
    {
        var linked = await OfClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        var mark = new SharedMark { EntryId = entryId, SharedUtc = time.GetUtcNow() };
        foreach (var link in linked)
        {
            await store.WriteAsync(ClinicKeys.Shared(clientId, link.ClinicianId, entryId), mark, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return linked;
    }

    /// <summary>Takes an entry back from every link (and any mark written before marks had a link).</summary>
    public async Task UnshareAsync(string clientId, string entryId, CancellationToken cancellationToken = default)
    {
        var marks = new List<string>();
        await foreach (var key in store.ListAsync(ClinicKeys.SharedOf(clientId), cancellationToken).ConfigureAwait(false))
        {
            if (ClinicKeys.Last(key) == entryId)
            {
                marks.Add(key);
            }
        }

        foreach (var key in marks)
        {
            await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The ids of the entries shared over this link. A mark written before marks had a link
    /// (shared/{client}/{entry}) counts for the links that existed when it was made, as it did then.
    /// </summary>
    public async Task<IReadOnlySet<string>> SharedOverAsync(ClientLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var mine = ClinicKeys.SharedOver(link.ClientId, link.ClinicianId) + "/";
        await foreach (var key in store.ListAsync(ClinicKeys.SharedOf(link.ClientId), cancellationToken).ConfigureAwait(false))
        {
            if (key.StartsWith(mine, StringComparison.Ordinal) && key.Length > mine.Length && !key[mine.Length..].Contains('/', StringComparison.Ordinal))
            {
                ids.Add(key[mine.Length..]);
            }
            else if (key.Count(c => c == '/') == 2
                && await store.GetAsync<SharedMark>(key, cancellationToken).ConfigureAwait(false) is { } legacy
                && legacy.SharedUtc >= link.LinkedUtc)
            {
                ids.Add(ClinicKeys.Last(key));
            }
        }

        return ids;
    }
}
