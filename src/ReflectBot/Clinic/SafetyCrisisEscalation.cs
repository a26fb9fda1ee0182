using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// A positive self-harm item (PHQ-9 item 9) gets the safety feature's own crisis reply, as if the client
/// had written crisis language: their safety plan first, the crisis card for their region, grounding, a
/// way back, and a content-free safety event (which the clinician then sees as a count).
/// </summary>
public sealed class SafetyCrisisEscalation(CrisisResponder responder, ILogger<SafetyCrisisEscalation> logger) : ISafetyEscalation
{
    public async Task EscalateAsync(ITurnContext turnContext, string measureId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ClinicLog.SafetyItemPositive(logger, measureId);
        await responder.RespondAsync(turnContext, RiskClass.Suicidal, cancellationToken).ConfigureAwait(false);
    }
}
