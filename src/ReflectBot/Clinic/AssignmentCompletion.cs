using ReflectBot.Journeys;

namespace ReflectBot.Clinic;

/// <summary>Credits a finished journey to the user's assignment: the one it was started from, else the first open one for that journey.</summary>
public sealed class AssignmentCompletion(Assignments assignments) : IJourneyCompletionObserver
{
    public async Task OnJourneyCompletedAsync(string userId, string journeyId, string? assignmentId, CancellationToken cancellationToken = default)
    {
        if (assignmentId is not null)
        {
            await assignments.CompleteAsync(userId, assignmentId, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var assignment in await assignments.ActiveOfClientAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (assignment.JourneyId == journeyId && await assignments.CompleteAsync(userId, assignment.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }
    }
}
