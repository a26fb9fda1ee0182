using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Conversation;

/// <summary>The menu: one button per journey, each posting the journey's first command.</summary>
public static class Menu
{
    /// <summary>The journey a greeting starts and the menu lists first.</summary>
    public const string DefaultJourneyId = "daily-check-in";

    /// <summary>The psychoeducation cards' command (see Cards/CardCommand).</summary>
    public const string LearnCommand = "learn";

    public static IMessageActivity Card(JourneyCatalog catalog, StringCatalog strings, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(strings);
        var choices = catalog.All
            .OrderBy(j => j.Id == DefaultJourneyId ? 0 : 1).ThenBy(j => j.Title, StringComparer.Ordinal)
            .Select(j => new Choice(j.StartCommand))
            .Append(new Choice(LearnCommand))
            .ToList();
        var lines = string.Join("\n", catalog.All.OrderBy(j => j.Id == DefaultJourneyId ? 0 : 1).ThenBy(j => j.Title, StringComparer.Ordinal)
            .Select(j => "- " + strings.Text(ConversationStrings.MenuJourney, ("title", j.Title), ("minutes", j.Minutes), ("summary", j.Summary), ("command", j.StartCommand))));
        lines += "\n- " + strings.Text(ConversationStrings.MenuLearn, ("command", LearnCommand));
        return ChoiceRenderer.Render(channelId, $"{strings[ConversationStrings.MenuHeading]}\n{lines}", choices, ListStyle.HeroCard);
    }
}
