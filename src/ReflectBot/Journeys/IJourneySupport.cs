using Microsoft.Bot.Builder;

namespace ReflectBot.Journeys;

/// <summary>
/// The support reply a journey answer can lead to (<c>support:</c> on a choice or band): the safety feature
/// implements it with its crisis reply, so an answer typed as its number gets the same help as the words would.
/// </summary>
public interface IJourneySupport
{
    /// <param name="support">"unsafe" (not safe right now: the emergency number first) or a risk class id ("abuse").</param>
    Task SupportAsync(ITurnContext turnContext, string support, CancellationToken cancellationToken = default);
}
