using Microsoft.Bot.Builder;

namespace ReflectBot.Clinic;

/// <summary>
/// Where a measure sends a positive answer to a self-harm item (PHQ-9 item 9). A seam: the safety feature
/// should plug its crisis flow in here (crisis card for the user's region, safety event); the default
/// sends a plain crisis reply.
/// </summary>
public interface ISafetyEscalation
{
    Task EscalateAsync(ITurnContext turnContext, string measureId, CancellationToken cancellationToken = default);
}
