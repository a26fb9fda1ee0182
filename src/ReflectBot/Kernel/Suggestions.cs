using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Kernel;

/// <summary>A message with suggested replies (buttons that post their words back), for the features' commands.</summary>
public static class Suggestions
{
    public static IMessageActivity Of(IEnumerable<string> actions, string text)
        => ChoiceRenderer.Render(null, text, [.. actions.Select(a => new Choice(a))], ListStyle.SuggestedAction);
}
