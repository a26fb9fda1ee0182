using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// The summary as one Adaptive Card (1.5, built by hand): what a screen reader says first (<c>speak</c>), the
/// chart with its <c>altText</c>, answers under their questions, and a button for the notes export.
/// </summary>
public static class SummaryCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject Json(SessionSummary summary, IReadOnlyList<SummaryLine> lines, byte[]? chartPng, StringCatalog strings, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(strings);
        var body = new JArray();
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case SummaryLineKind.Title:
                    body.Add(Text(line.Text, size: "Large", weight: "Bolder", heading: true));
                    break;
                case SummaryLineKind.Heading:
                    body.Add(Text(line.Text, size: "Medium", weight: "Bolder", heading: true, separator: true));
                    break;
                case SummaryLineKind.Answer:
                    body.Add(Text(line.Text, weight: "Bolder", subtle: true));
                    body.Add(Text(line.Detail ?? string.Empty));
                    break;
                case SummaryLineKind.Chart when chartPng is not null:
                    body.Add(new JObject
                    {
                        ["type"] = "Image",
                        ["url"] = "data:image/png;base64," + Convert.ToBase64String(chartPng),
                        ["altText"] = line.Text,
                        ["size"] = "Stretch",
                    });
                    break;
                case SummaryLineKind.Chart:
                    break;
                default:
                    body.Add(Text(line.Text));
                    break;
            }
        }

        return new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["speak"] = strings.Text(SessionStrings.SummarySpeak, ("client", summary.ClientName), ("from", SummaryLines.Date(summary.FromUtc, zone))),
            ["body"] = body,
            ["actions"] = new JArray
            {
                new JObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = strings[SessionStrings.ExportButton],
                    ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = ExportCommand(summary.ClientName) } },
                },
            },
        };
    }

    public static Attachment Attachment(JObject card) => new(ContentType, content: card);

    public static string ExportCommand(string clientName) => $"export summary for {clientName}";

    private static JObject Text(string text, string? size = null, string? weight = null, bool heading = false, bool separator = false, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (heading)
        {
            block["style"] = "heading";
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
