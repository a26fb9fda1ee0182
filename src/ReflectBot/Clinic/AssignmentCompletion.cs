using Microsoft.Bot.Builder;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>Credits a finished journey to the user's assignment: the one it was started from, else the first open one for that journey.</summary>
public sealed class AssignmentCompletion(Assignments assignments) : IJourneyCompletionObserver
{
    public async Task OnJourneyCompletedAsync(ITurnContext turnContext, string journeyId, string? assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var userId = UserKeys.Of(turnContext.Activity);
        if (assignmentId is not null)
        {
            await assignments.CompleteAsync(userId, assignmentId, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Someone who never connected with a clinician has no assignments: no need to look.
        if (turnContext.TurnState.Get<UserProfile>() is not { ClinicClient: true })
        {
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
