using ReflectBot.Kernel;

namespace ReflectBot.Journeys;

/// <summary>
/// Whether someone else has paused a journey for this person (a clinician, for one client, during
/// stabilisation for example). Implemented by the clinic; asked before a journey starts from its command.
/// </summary>
public interface IJourneyAvailability
{
    /// <summary>Who paused the journey for this person (a display name), or null when it is theirs to start.</summary>
    Task<string?> PausedByAsync(TurnInfo turn, string journeyId, CancellationToken cancellationToken = default);
}
