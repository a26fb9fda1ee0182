using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Clinic;

/// <summary>The fallback crisis reply until the safety feature's flow is plugged in.</summary>
public sealed class CrisisReplyEscalation(ILogger<CrisisReplyEscalation> logger) : ISafetyEscalation
{
    public const string Text =
        "Thank you for telling me. You said you've had thoughts of being better off dead or of hurting yourself. " +
        "You deserve support with that right now from a person. If you might act on these thoughts or are in danger, " +
        "call your local emergency number now. You can also call or text a crisis line (in the US and Canada, 988; " +
        "in the UK and Ireland, Samaritans on 116 123), or talk to someone you trust. I'm an automated companion and can't help in an emergency.";

    public async Task EscalateAsync(ITurnContext turnContext, string measureId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ClinicLog.SafetyItemPositive(logger, measureId);
        await turnContext.SendActivityAsync(MessageFactory.Text(Text), cancellationToken).ConfigureAwait(false);
    }
}
