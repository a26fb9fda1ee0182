using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Hosting;

/// <summary>
/// How a reply looks in a terminal. Buttons are numbered through the whole message, and typing the number does what
/// pressing the button would (<see cref="ConsoleChat"/>). A row whose buttons are all numbers (the 0-10 scale) is shown
/// as those numbers, unnumbered: typing "7" there has to mean 7, not the seventh button.
/// </summary>
public static partial class ConsoleRendering
{
    /// <summary>
    /// Markdown's bold and italic as plain text: a terminal shows "**Grounding**" as the asterisks themselves. Only
    /// pairs around words are taken ("**this**", "*this*", "__this__"), so a lone "*" or "2 * 3" stays as written.
    /// </summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Emphasis().Replace(Strong().Replace(text, "${inner}"), "${inner}");
    }

    [GeneratedRegex(@"(?<mark>\*\*|__)(?<inner>\S(?:.*?\S)?)\k<mark>", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?<inner>[^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    public static string Render(IMessageActivity activity) => Render(activity, []);

    /// <param name="choices">Receives the message's numbered buttons, in the order of their numbers.</param>
    /// <param name="files">What to show for a file the message carries (where it was saved), by attachment; else its name.</param>
    public static string Render(IMessageActivity activity, List<ConsoleChoice> choices, IReadOnlyDictionary<Attachment, string>? files = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(choices);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            text.Append("bot> ").Append(Plain(activity.Text).Replace("\n", "\n     ", StringComparison.Ordinal));
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            var card = attachment.Content is JObject json ? json : attachment.Content is null ? null : JObject.FromObject(attachment.Content);
            if (card is null)
            {
                // A file (the terminal gets exports as attachments): where it was saved, else its name, so the person knows it came.
                if (files?.GetValueOrDefault(attachment) is { Length: > 0 } saved)
                {
                    text.Append(text.Length == 0 ? "bot> " : "\n     ").Append(saved.Replace("\n", "\n     ", StringComparison.Ordinal));
                }
                else if (attachment.Name is { Length: > 0 } name)
                {
                    text.Append(text.Length == 0 ? "bot> " : "\n     ").Append('[').Append(name).Append(']');
                }

                continue;
            }

            if (card.Value<string>("type") == "AdaptiveCard")
            {
                AppendAdaptive(text, card, choices);
                continue;
            }

            foreach (var field in new[] { "title", "subtitle", "text" })
            {
                if (card.Value<string>(field) is { Length: > 0 } value)
                {
                    text.Append(text.Length == 0 ? "bot> " : "\n     ").Append(Plain(value).Replace("\n", "\n     ", StringComparison.Ordinal));
                }
            }

            AppendButtons(text, card["buttons"] as JArray, choices);
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            AppendButtons(text, JArray.FromObject(actions), choices);
        }

        return text.ToString();
    }

    /// <summary>An Adaptive Card's text blocks in order, a picture by its alt text, and its actions as buttons.</summary>
    private static void AppendAdaptive(StringBuilder text, JObject card, List<ConsoleChoice> choices)
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
                text.Append(text.Length == 0 ? "bot> " : "\n     ").Append(Plain(line).Replace("\n", "\n     ", StringComparison.Ordinal));
            }
        }

        AppendButtons(text, card["actions"] as JArray, choices);
    }

    private static void AppendButtons(StringBuilder text, JArray? buttons, List<ConsoleChoice> choices)
    {
        if (buttons is null || buttons.Count == 0)
        {
            return;
        }

        text.Append("\n     ");
        var buttonList = buttons.OfType<JObject>().ToList();
        if (buttonList.TrueForAll(b => int.TryParse(b.Value<string>("title"), NumberStyles.None, CultureInfo.InvariantCulture, out _) && Sends(b).Text == b.Value<string>("title")))
        {
            foreach (var button in buttonList)
            {
                text.Append('[').Append(button.Value<string>("title")).Append("]  ");
            }

            return;
        }

        foreach (var button in buttonList)
        {
            var title = button.Value<string>("title") ?? string.Empty;
            if (IsLink(button))
            {
                // A link opens a page rather than answering: shown with its address, to copy, and not numbered.
                text.Append('[').Append(title).Append(": ").Append(button.Value<string>("url") ?? button.Value<string>("value")).Append("]  ");
                continue;
            }

            var (sent, value) = Sends(button);
            choices.Add(new ConsoleChoice(title, sent, value));
            text.Append('[').Append(choices.Count).Append("] ").Append(title).Append("  ");
        }
    }

    private static bool IsLink(JObject button) => button.Value<string>("type") is "openUrl" or "Action.OpenUrl";

    /// <summary>What pressing the button sends: the text (imBack, postBack, messageBack) and the value (messageBack, a card's submit).</summary>
    private static (string? Text, object? Value) Sends(JObject button) => button.Value<string>("type") switch
    {
        "messageBack" => (button.Value<string>("text"), button["value"]),
        // Web Chat posts a submit's data as the value; the words are its "text", or what Teams is told to post back.
        "Action.Submit" or "Action.Execute" => (button.SelectToken("data.text")?.ToString() ?? button.SelectToken("data.msteams.value")?.ToString(), button["data"]),
        _ => (button["value"]?.Type == JTokenType.String ? button.Value<string>("value") : null, button["value"] is JObject data ? data : null),
    };
}
