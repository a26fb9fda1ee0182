using ReflectBot.Privacy;

namespace ReflectBot.Journal;

public sealed class JournalEraser(IJournalStore journal) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var count = await journal.DeleteAllAsync(userId, cancellationToken).ConfigureAwait(false);
        return count == 1 ? "1 journal entry" : $"{count} journal entries";
    }
}
