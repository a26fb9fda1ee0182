namespace ReflectBot.Clinic;

/// <summary>The client's time zone and reminder preference, kept where the scheduler can read them outside a turn.</summary>
public sealed class ClientRecords(ClinicStore store) : IReminderPreferences
{
    public Task<ClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken = default)
        => store.GetAsync<ClientRecord>(ClinicKeys.Client(clientId), cancellationToken);

    /// <summary>Creates the record or updates its zone; a no-op when nothing changed.</summary>
    public async Task<ClientRecord> EnsureAsync(string clientId, string timeZone, CancellationToken cancellationToken = default)
        => await store.UpdateAsync<ClientRecord>(ClinicKeys.Client(clientId), current =>
            current is not null && current.TimeZone == timeZone
                ? null
                : new ClientRecord { ClientId = clientId, TimeZone = timeZone, RemindersPaused = current?.RemindersPaused ?? false },
            cancellationToken).ConfigureAwait(false) ?? new ClientRecord { ClientId = clientId, TimeZone = timeZone };

    public async Task SetPausedAsync(string clientId, bool paused, string timeZone, CancellationToken cancellationToken = default)
        => await store.UpdateAsync<ClientRecord>(ClinicKeys.Client(clientId), current =>
        {
            var next = current ?? new ClientRecord { ClientId = clientId, TimeZone = timeZone };
            next.RemindersPaused = paused;
            return next;
        }, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ArePausedAsync(string clientId, CancellationToken cancellationToken = default)
        => (await FindAsync(clientId, cancellationToken).ConfigureAwait(false))?.RemindersPaused ?? false;
}
