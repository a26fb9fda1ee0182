namespace ReflectBot.Journal;

/// <summary>Told about every entry that was newly saved (e.g. the safety feature keeps the latest safety plan at hand).</summary>
public interface IJournalObserver
{
    Task OnSavedAsync(JournalEntry entry, CancellationToken cancellationToken = default);
}
