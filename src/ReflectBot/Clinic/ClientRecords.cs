using System.Collections.Concurrent;

namespace ReflectBot.Clinic;

/// <summary>The client's time zone, kept where the scheduler can read it outside a turn.</summary>
public sealed class ClientRecords(ClinicStore store)
{
    private const int MaxRemembered = 10_000;

    // The zone this instance last read or wrote per client, so a turn whose zone did not change costs no
    // read. Another instance may have written in between; the worst case is one redundant update.
    private readonly ConcurrentDictionary<string, string> _zones = new(StringComparer.Ordinal);

    public Task<ClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken = default)
        => store.GetAsync<ClientRecord>(ClinicKeys.Client(clientId), cancellationToken);

    /// <summary>Creates the record or updates its zone; a no-op when nothing changed.</summary>
    public async Task<ClientRecord> EnsureAsync(string clientId, string timeZone, CancellationToken cancellationToken = default)
    {
        var record = await store.UpdateAsync<ClientRecord>(ClinicKeys.Client(clientId), current =>
            current is not null && current.TimeZone == timeZone
                ? null
                : new ClientRecord { ClientId = clientId, TimeZone = timeZone },
            cancellationToken).ConfigureAwait(false) ?? new ClientRecord { ClientId = clientId, TimeZone = timeZone };
        Remember(clientId, timeZone);
        return record;
    }

    /// <summary>Keeps the stored zone current from a turn: no storage call when this instance already knows it.</summary>
    public async Task KeepZoneAsync(string clientId, string timeZone, CancellationToken cancellationToken = default)
    {
        if (_zones.TryGetValue(clientId, out var known) && known == timeZone)
        {
            return;
        }

        await EnsureAsync(clientId, timeZone, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the client's record (their data is being deleted).</summary>
    public async Task<bool> DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        _zones.TryRemove(clientId, out _);
        return await store.DeleteAsync(ClinicKeys.Client(clientId), cancellationToken).ConfigureAwait(false);
    }

    private void Remember(string clientId, string timeZone)
    {
        if (_zones.Count >= MaxRemembered)
        {
            _zones.Clear();
        }

        _zones[clientId] = timeZone;
    }
}
