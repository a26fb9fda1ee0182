using Microsoft.Bot.Builder;

namespace ReflectBot.Journeys;

/// <summary>
/// Told when a user finishes a journey or measure (saved or not): by the bot for one started by typing
/// its command, and by the clinic's assigned-journey dialog (with the assignment) for one started from an
/// assignment. The clinic credits it to an open assignment. Called in the user's turn, so an observer can
/// use what the turn already loaded (the user's profile) instead of reading storage.
/// </summary>
public interface IJourneyCompletionObserver
{
    /// <param name="assignmentId">The assignment it was started from, when known.</param>
    Task OnJourneyCompletedAsync(ITurnContext turnContext, string journeyId, string? assignmentId, CancellationToken cancellationToken = default);
}
