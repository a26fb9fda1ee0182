namespace ReflectBot.Clinic;

/// <summary>
/// Another kind of due item the scheduler's round delivers after the assignments, under the same leader lease
/// (the pre-session summary is one). Each kind keeps its own exactly-once claim.
/// </summary>
public interface IDueDelivery
{
    /// <summary>Sends what is due at <paramref name="utcNow"/>; returns how many were sent.</summary>
    Task<int> DeliverDueAsync(DateTimeOffset utcNow, CancellationToken cancellationToken = default);
}
