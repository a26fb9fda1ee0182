using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Privacy;

/// <summary>
/// Consent to keep a journal, asked at the moment it matters: the first time a reflection could be saved.
/// Until a yes nothing is stored in the journal; a "no" leaves that one unsaved and the question for the next time;
/// after "journal off" the bot still guides reflections but saves none and does not ask.
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

    /// <summary>
    /// Takes a yes to the first-time question as the user's consent. A no is "not this one": nothing is saved and the
    /// question comes again at the next reflection. Only "journal off" (<see cref="PrivacyCommands"/>) means never; a
    /// first "no" once meant that too, and later reflections were never offered for saving.
    /// </summary>
    public static void Answered(ITurnContext turnContext, bool save)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (save && turnContext.TurnState.Get<UserProfile>() is { JournalConsent: null } profile)
        {
            profile.JournalConsent = true;
        }
    }
}
