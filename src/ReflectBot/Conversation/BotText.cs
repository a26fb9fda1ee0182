using ReflectBot.Journeys;

namespace ReflectBot.Conversation;

/// <summary>The bot's own words outside journeys: warm, plain, and clear that it is an automated companion.</summary>
public static class BotText
{
    public const string DefaultJourneyId = "daily-check-in";

    public const string Welcome =
        "Hi, I'm ReflectBot, an automated journaling companion (not a person, and not a therapist or an emergency service). " +
        "I can walk you through short reflections and, if you agree, keep a private journal of them: I'll ask before saving anything, " +
        "entries are stored encrypted in this bot's own storage, and \"privacy\" shows what I keep and how to export or delete it. " +
        "If things ever feel like a crisis, I'll point you to people who can help right away. Let's start with a quick check-in.";

    public const string Hello = "Hi again, good to see you. Let's start with a quick check-in.";

    public const string IAmABot = "I'm an automated companion, a computer program, not a person. I can guide reflections and keep your journal, but I'm not a therapist, and I'm not for emergencies.";

    public const string NotSure = "I'm not sure what you mean. You can pick something from the menu, or type \"help\".";

    public const string NoWords = "I didn't catch any words there. Type \"menu\" to see what we can do, or \"help\".";

    public const string NothingToStop = "There's nothing in progress to stop. Type \"menu\" to see what we can do.";

    public const string LostOurPlace = "Something changed on my side and I lost our place. Sorry about that. Nothing you saved before is affected; let's start fresh.";

    public static string Stopped(string title) => $"Okay, I've stopped the {title.ToLowerInvariant()}. Nothing from it was saved. Type \"menu\" whenever you'd like to do something else.";

    public static string Paused(string title) => $"Your {title.ToLowerInvariant()} is still open: type \"back\" to return to it, or pick something new.";

    public static string WhereYouAre(string title, int question, int of)
        => $"You're in the {title.ToLowerInvariant()}, question {question} of {of}. Answer in your own words, or tap a button if there are some. " +
           "You can also type \"back\" to hear the question again, \"menu\" for other options, or \"cancel\" to stop (nothing half-finished is saved).";

    public static string WhereYouAre(string title)
        => $"You're in the {title.ToLowerInvariant()}. Answer the question above, or type \"back\" to hear it again, \"menu\" for other options, " +
           "or \"cancel\" to stop (nothing half-finished is saved).";

    public static string Help(JourneyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var commands = string.Join(", ", catalog.All.Select(j => $"\"{j.Commands.FirstOrDefault() ?? j.Title}\""));
        return $"I'm an automated journaling companion. You can type {commands} to start a reflection, \"learn\" for short reads, \"menu\" to see everything, " +
               "\"cancel\" to stop what we're doing, and \"help\" any time.";
    }
}
