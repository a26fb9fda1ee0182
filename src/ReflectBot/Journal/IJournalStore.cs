namespace ReflectBot.Journal;

/// <summary>
/// Where journal entries live: one item per entry, outside conversation state, so a turn costs the same
/// whatever the size of the journal. Entries are encrypted at rest.
/// </summary>
public interface IJournalStore
{
    /// <summary>Saves an entry. Saving an entry whose id is already stored keeps the first (a channel retry).</summary>
    /// <returns>True if the entry was new.</returns>
    Task<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The user's entries, newest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ListAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>One entry, or null.</summary>
    Task<JournalEntry?> ReadAsync(string userId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one entry of the user; true when it was there.</summary>
    Task<bool> DeleteAsync(string userId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every entry of the user; returns how many.</summary>
    Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default);
}
