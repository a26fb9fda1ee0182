using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Hosting;

/// <summary>How a reply looks in a terminal.</summary>
public static class ConsoleRendering
{
    public static string Render(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            text.Append("bot> ").Append(activity.Text.Replace("\n", "\n     ", StringComparison.Ordinal));
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            var card = attachment.Content is JObject json ? json : attachment.Content is null ? null : JObject.FromObject(attachment.Content);
            if (card is null)
            {
                // A file (the terminal gets exports as attachments): its name, so the person knows it came.
                if (attachment.Name is { Length: > 0 } name)
                {
                    text.Append(text.Length == 0 ? "bot> " : "\n     ").Append('[').Append(name).Append(']');
                }

                continue;
            }

            if (card.Value<string>("type") == "AdaptiveCard")
            {
                AppendAdaptive(text, card);
                continue;
            }

            foreach (var field in new[] { "title", "subtitle", "text" })
            {
                if (card.Value<string>(field) is { Length: > 0 } value)
                {
                    text.Append(text.Length == 0 ? "bot> " : "\n     ").Append(value.Replace("\n", "\n     ", StringComparison.Ordinal));
                }
            }

            AppendButtons(text, card["buttons"] as JArray);
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            AppendButtons(text, JArray.FromObject(actions));
        }

        return text.ToString();
    }

    /// <summary>An Adaptive Card's text blocks in order, a picture by its alt text, and its actions as buttons.</summary>
    private static void AppendAdaptive(StringBuilder text, JObject card)
    {
        foreach (var element in card.SelectTokens("$..body[*]").OfType<JObject>())
        {
            var line = element.Value<string>("type") switch
            {
                "TextBlock" => element.Value<string>("text"),
                "Image" => element.Value<string>("altText") is { Length: > 0 } alt ? $"[{alt}]" : null,
                _ => null,
            };
            if (line is { Length: > 0 })
            {
                text.Append(text.Length == 0 ? "bot> " : "\n     ").Append(line.Replace("\n", "\n     ", StringComparison.Ordinal));
            }
        }

        AppendButtons(text, card["actions"] as JArray);
    }

    private static void AppendButtons(StringBuilder text, JArray? buttons)
    {
        if (buttons is null || buttons.Count == 0)
        {
            return;
        }

        text.Append("\n     ");
        var i = 1;
        foreach (var button in buttons)
        {
            text.Append('[').Append(i++).Append("] ").Append(button.Value<string>("title")).Append("  ");
        }
    }
}
