using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>The safety feature's own events, as a count per client: never their class, offer or time.</summary>
public sealed class SafetyEventCounter(SafetyEventStore events) : ISafetyEventCounter
{
    public Task<int> CountAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken = default)
        => events.CountOfUserAsync(userId, since, cancellationToken);
}
