using ReflectBot.Content;
using ReflectBot.Privacy;

namespace ReflectBot.Journal;

public sealed class JournalEraser(IJournalStore journal, StringCatalog strings) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var count = await journal.DeleteAllAsync(userId, cancellationToken).ConfigureAwait(false);
        return count == 1 ? strings[JournalStrings.ErasedOne] : strings.Text(JournalStrings.Erased, ("count", count));
    }
}
