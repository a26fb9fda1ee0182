using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Kernel;
using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// PHQ-9 item 9 above zero, after its follow-up: thoughts now, a plan, safe right now. No thoughts now: a
/// gentle word with the lines, and the measure carries on. Thoughts without a plan, and safe: the same, a
/// little more. A plan, or not safe: the safety feature's crisis reply (the emergency number first when not
/// safe), a content-free safety event, and the measure pauses (no score message after it).
/// </summary>
public sealed class SafetyCrisisEscalation(SafetyContent content, StringCatalog strings, CrisisResponder responder, ILogger<SafetyCrisisEscalation> logger) : ISafetyEscalation
{
    public (string ThoughtsNow, string Plan, string SafeNow) Questions => (content.Replies.Phq9Thoughts, content.Replies.Phq9Plan, content.Replies.Phq9Safe);

    public async Task<bool> EscalateAsync(ITurnContext turnContext, string measureId, bool thoughtsNow, bool plan, bool safeNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ClinicLog.SafetyItemPositive(logger, measureId);
        if (plan || !safeNow)
        {
            await responder.RespondInTurnAsync(turnContext, RiskClass.Suicidal, unsafeNow: !safeNow, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var profile = turnContext.TurnState.Get<UserProfile>();
        var region = RegionResolver.Resolve(content.Resources, turnContext.Activity, profile?.Region, profile?.TimeZone);
        var words = thoughtsNow ? content.Replies.Phq9NoPlan : content.Replies.Phq9NotNow;
        await turnContext.SendActivityAsync(MessageFactory.Text(CrisisReply.Fill(words, strings, content.Resources, region, RiskClass.Suicidal)), cancellationToken).ConfigureAwait(false);
        return false;
    }
}
