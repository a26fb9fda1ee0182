namespace ReflectBot.Clinic;

/// <summary>
/// Whether a client has paused reminders ("pause reminders", kept on the user's profile by the privacy feature);
/// the scheduler asks only this interface.
/// </summary>
public interface IReminderPreferences
{
    Task<bool> ArePausedAsync(string clientId, CancellationToken cancellationToken = default);
}
