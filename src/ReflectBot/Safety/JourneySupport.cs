using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Journeys;

namespace ReflectBot.Safety;

/// <summary>
/// A journey answer that says someone is not safe gets the crisis reply from inside the turn
/// (<see cref="CrisisResponder.RespondInTurnAsync"/>, as a measure's item 9 does): "unsafe" the emergency number
/// first, a class its full reply with the region's lines and the check. The screen itself is unchanged.
/// </summary>
public sealed class JourneySupport(CrisisResponder responder) : IJourneySupport
{
    public const string Unsafe = "unsafe";

    public Task SupportAsync(ITurnContext turnContext, string support, CancellationToken cancellationToken = default)
        => support == Unsafe
            ? responder.RespondInTurnAsync(turnContext, RiskClass.Suicidal, unsafeNow: true, cancellationToken)
            : responder.RespondInTurnAsync(turnContext, RiskClasses.FromId(support), unsafeNow: false, cancellationToken);
}
