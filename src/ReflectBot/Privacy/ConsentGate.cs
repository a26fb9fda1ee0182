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
    /// <summary>
    /// Copies of <see cref="PrivacyStrings.FirstSaveQuestion"/> and <see cref="PrivacyStrings.NotKeeping"/> for callers
    /// outside Privacy that do not pass the catalog yet (Journeys/JourneyDialog, and tests in Teams and the browser
    /// suite); a test checks they agree with the content. Delete them when those callers read the catalog.
    /// </summary>
    public const string FirstSaveQuestion =
        "Before I save anything: if you'd like, I'll keep a private journal of your reflections. Entries are stored encrypted in this bot's " +
        "own storage, only you can read them here, and you can export or delete them any time (type \"privacy\" to see how). " +
        "Shall I keep a journal for you and save this?";

    /// <inheritdoc cref="FirstSaveQuestion"/>
    public const string NotKeeping = "You chose not to keep a journal, so nothing from this was saved. Type \"journal on\" if you change your mind.";

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
    /// <see cref="SavePrompt(ITurnContext, string?, StringCatalog)"/> with the copy in <see cref="FirstSaveQuestion"/>,
    /// for Journeys/JourneyDialog until it passes the catalog.
    /// </summary>
    public static string? SavePrompt(ITurnContext turnContext, string? journeyPrompt)
        => Of(turnContext) == ConsentState.Unknown ? FirstSaveQuestion : journeyPrompt;

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
