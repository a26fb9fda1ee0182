using ReflectBot.Content;
using ReflectBot.Privacy;

namespace ReflectBot.Clinic;

/// <summary>
/// The clinic's part of "delete my data", for a client: their links (and the clinicians' roster pointers
/// to them), consents (held on the links), shared-entry marks, measure scores, assignments with their
/// delivery marks, their time-zone record and wrong-code log; a join code they used keeps that it was
/// used, not by whom. The clinicians simply no longer see them. For a clinician: every link to a client
/// ends (as if each client had disconnected), the assignments they made are deleted with their delivery
/// marks, and so are the join codes they created and their own reflections.
/// </summary>
public sealed class ClinicDataEraser(ClinicStore store, ClinicLinks links, ClientRecords clients, StringCatalog strings) : IUserDataEraser
{
    public const string Erased = "(erased)";

    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
        => await EraseWhatAsync(userId, cancellationToken).ConfigureAwait(false) is { } what ? strings[what] : null;

    /// <summary>Erases, and says which of the clinic's sentences names what went (null for nothing).</summary>
    public async Task<StringKey?> EraseWhatAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var linked = await links.OfClientAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var link in linked)
        {
            await store.DeleteAsync(ClinicKeys.Roster(link.ClinicianId, userId), cancellationToken).ConfigureAwait(false);
        }

        foreach (var assignment in await store.ListValuesAsync<Assignment>(ClinicKeys.AssignmentsOf(userId), cancellationToken).ConfigureAwait(false))
        {
            await store.DeleteFolderAsync($"occurrences/{assignment.Id}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var folder in new[] { ClinicKeys.AssignmentsOf(userId), ClinicKeys.SharedOf(userId), ClinicKeys.ScoresOf(userId), ClinicKeys.LinksOfClient(userId), ClinicKeys.FlagsOf(userId), ClinicKeys.SessionsOf(userId), ClinicKeys.RepliesOf(userId), ClinicKeys.SettingsOf(userId) })
        {
            await store.DeleteFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        await clients.DeleteAsync(userId, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(ClinicKeys.WrongCodes(userId), cancellationToken).ConfigureAwait(false);
        await ForgetCodeUseAsync(userId, cancellationToken).ConfigureAwait(false);
        var asClinician = await EraseAsClinicianAsync(userId, cancellationToken).ConfigureAwait(false);
        return (linked.Count > 0, asClinician) switch
        {
            (true, true) => ClinicStrings.ErasedAsBoth,
            (true, false) => ClinicStrings.ErasedAsClient,
            (false, true) => ClinicStrings.ErasedAsClinician,
            _ => null,
        };
    }

    private async Task<bool> EraseAsClinicianAsync(string clinicianId, CancellationToken cancellationToken)
    {
        var clientIds = new List<string>();
        await foreach (var key in store.ListAsync(ClinicKeys.RosterOf(clinicianId), cancellationToken).ConfigureAwait(false))
        {
            clientIds.Add(ClinicKeys.Unsegment(ClinicKeys.Last(key)));
        }

        foreach (var clientId in clientIds)
        {
            foreach (var assignment in await store.ListValuesAsync<Assignment>(ClinicKeys.AssignmentsOf(clientId), cancellationToken).ConfigureAwait(false))
            {
                if (assignment.ClinicianId == clinicianId)
                {
                    await store.DeleteFolderAsync($"occurrences/{assignment.Id}", cancellationToken).ConfigureAwait(false);
                    await store.DeleteAsync(ClinicKeys.Assignment(clientId, assignment.Id), cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var reply in await store.ListValuesAsync<EntryReply>(ClinicKeys.RepliesOf(clientId), cancellationToken).ConfigureAwait(false))
            {
                if (reply.ClinicianId == clinicianId)
                {
                    await store.DeleteAsync(ClinicKeys.Reply(clientId, reply.Id), cancellationToken).ConfigureAwait(false);
                }
            }

            await store.DeleteAsync(ClinicKeys.Session(clientId, clinicianId), cancellationToken).ConfigureAwait(false);
            await links.UnlinkAsync(clientId, clinicianId, cancellationToken).ConfigureAwait(false);
        }

        var codes = new List<string>();
        await foreach (var key in store.ListAsync("codes", cancellationToken).ConfigureAwait(false))
        {
            if ((await store.GetAsync<JoinCode>(key, cancellationToken).ConfigureAwait(false))?.ClinicianId == clinicianId)
            {
                codes.Add(key);
            }
        }

        foreach (var key in codes)
        {
            await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var templates = await store.DeleteFolderAsync(ClinicKeys.TemplatesOf(clinicianId), cancellationToken).ConfigureAwait(false);
        return clientIds.Count > 0 || codes.Count > 0 || templates > 0;
    }

    private async Task ForgetCodeUseAsync(string userId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListAsync("codes", cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            await store.UpdateAsync<JoinCode>(key, code =>
            {
                if (code?.UsedBy != userId)
                {
                    return null;
                }

                code.UsedBy = Erased;
                return code;
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
