using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Privacy;

/// <summary>
/// Consent to keep a journal, asked at the moment it matters: the first time a reflection could be saved.
/// Until then nothing is stored in the journal; after a "no" the bot still guides reflections but saves none.
/// </summary>
public static class ConsentGate
{
    public static ConsentState Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<UserProfile>() is not { } profile
            ? ConsentState.NotTracked
            : profile.JournalConsent switch
            {
                true => ConsentState.Given,
                false => ConsentState.Refused,
                null => ConsentState.Unknown,
            };
    }

    /// <summary>The question before saving: the journey's own, or the consent question the first time.</summary>
    public static string? SavePrompt(ITurnContext turnContext, string? journeyPrompt, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return Of(turnContext) == ConsentState.Unknown ? strings[PrivacyStrings.FirstSaveQuestion] : journeyPrompt;
    }

    /// <summary>Takes the answer to the first-time question as the user's consent.</summary>
    public static void Answered(ITurnContext turnContext, bool save)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<UserProfile>() is { JournalConsent: null } profile)
        {
            profile.JournalConsent = save;
        }
    }
}
