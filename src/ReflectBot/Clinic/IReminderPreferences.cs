namespace ReflectBot.Clinic;

/// <summary>
/// Whether a client has paused reminders. A seam: the journal feature may keep this on the user's profile;
/// the scheduler asks only this interface.
/// </summary>
public interface IReminderPreferences
{
    Task<bool> ArePausedAsync(string clientId, CancellationToken cancellationToken = default);
}
