using ReflectBot.Privacy;

namespace ReflectBot.Clinic;

/// <summary>
/// The clinic's part of "delete my data", for a client: their links (and the clinicians' roster pointers
/// to them), consents (held on the links), shared-entry marks, measure scores, assignments with their
/// delivery marks, their time-zone record and wrong-code log; a join code they used keeps that it was
/// used, not by whom. The clinicians simply no longer see them.
/// </summary>
public sealed class ClinicDataEraser(ClinicStore store, ClinicLinks links, ClientRecords clients) : IUserDataEraser
{
    public const string Erased = "(erased)";

    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
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

        foreach (var folder in new[] { ClinicKeys.AssignmentsOf(userId), ClinicKeys.SharedOf(userId), ClinicKeys.ScoresOf(userId), ClinicKeys.LinksOfClient(userId) })
        {
            await store.DeleteFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        await clients.DeleteAsync(userId, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(ClinicKeys.WrongCodes(userId), cancellationToken).ConfigureAwait(false);
        await ForgetCodeUseAsync(userId, cancellationToken).ConfigureAwait(false);
        return linked.Count > 0 ? "your connections with clinicians and what you shared with them" : null;
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
