using ReflectBot.Kernel;

namespace ReflectBot.Cards;

/// <summary>Whether someone else (a clinician, for one client) has paused the learning cards for this person. Implemented by the clinic.</summary>
public interface ICardAvailability
{
    /// <summary>Who paused the cards for this person (a display name), or null when they are on.</summary>
    Task<string?> PausedByAsync(TurnInfo turn, CancellationToken cancellationToken = default);
}
