namespace ReflectBot.Clinic;

/// <summary>How many safety events a user had since a moment: a count, never their content. A seam over the safety feature's records.</summary>
public interface ISafetyEventCounter
{
    Task<int> CountAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken = default);
}
