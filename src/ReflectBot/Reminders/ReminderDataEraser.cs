using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Privacy;

namespace ReflectBot.Reminders;

/// <summary>"delete my data" removes the person's own reminders and their Sunday look back.</summary>
public sealed class ReminderDataEraser(ClinicStore store, StringCatalog strings) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
        => await store.DeleteAsync(ReminderRecord.KeyOf(userId), cancellationToken).ConfigureAwait(false) ? strings[RemindersStrings.Erased] : null;
}
