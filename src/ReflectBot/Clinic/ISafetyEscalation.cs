using Microsoft.Bot.Builder;

namespace ReflectBot.Clinic;

/// <summary>
/// Where a measure sends a positive answer to a self-harm item (PHQ-9 item 9). A seam: the safety feature
/// plugs its crisis flow in here (<see cref="SafetyCrisisEscalation"/>: crisis card for the user's region, safety event).
/// </summary>
public interface ISafetyEscalation
{
    Task EscalateAsync(ITurnContext turnContext, string measureId, CancellationToken cancellationToken = default);
}
