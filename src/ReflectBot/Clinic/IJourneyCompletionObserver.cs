namespace ReflectBot.Clinic;

/// <summary>
/// Told when a user finishes a journey or measure (saved or not). The clinic credits it to an open
/// assignment. Called by the clinic's own assigned-journey dialog; the journey runtime may call it for
/// journeys started any other way.
/// </summary>
public interface IJourneyCompletionObserver
{
    /// <param name="assignmentId">The assignment it was started from, when known.</param>
    Task OnJourneyCompletedAsync(string userId, string journeyId, string? assignmentId, CancellationToken cancellationToken = default);
}
