using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// The activities of each safety reply, built from content already in memory (<c>replies.yaml</c>,
/// <c>resources.yaml</c>), so none waits on storage. Every one names the lines for the class and region.
/// </summary>
public static class CrisisReply
{
    /// <summary>
    /// The full reply to clear risk: for an attempt the emergency number first; empathy; the card with the
    /// lines for the class and region; their own therapist or someone they trust, and whether anyone is
    /// notified. The question "Are you safe right now?" comes after (see <see cref="Check"/>).
    /// </summary>
    public static List<IActivity> Full(RiskClass risk, SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region, string? notifiedClinician)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var activities = new List<IActivity>();
        if (replies.Urgent(risk) is { } urgent)
        {
            activities.Add(MessageFactory.Text(Fill(urgent, strings, resources, region, risk)));
        }

        activities.Add(MessageFactory.Text(replies.Empathy(risk)));
        activities.Add(Card(risk, replies, strings, resources, region));
        var notified = notifiedClinician is null ? replies.NotifiedNobody : replies.NotifiedClinician.Replace("{clinician}", notifiedClinician, StringComparison.Ordinal);
        activities.Add(MessageFactory.Text(replies.Trusted + " " + notified));
        return activities;
    }

    /// <summary>A second risk message soon after the first: one short line, worded differently each time, and the check.</summary>
    public static IActivity Repeat(RiskClass risk, int previous, SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var wording = replies.Repeat[Math.Max(0, previous - 1) % replies.Repeat.Count];
        return MessageFactory.Text(Fill(wording, strings, resources, region, risk));
    }

    /// <summary>"Are you safe right now?" with its two buttons (their words are recognised without any stored state).</summary>
    public static IActivity Check(SafetyReplies replies, string? before = null)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var text = before is null ? replies.CheckQuestion : before + "\n\n" + replies.CheckQuestion;
        return Suggestions.Of([replies.SafeButton, replies.UnsafeButton], text);
    }

    /// <summary>The answer "not safe": the emergency number first, the shortest grounding, the lines.</summary>
    public static List<IActivity> Unsafe(SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return
        [
            MessageFactory.Text(Fill(replies.UnsafeFirst, strings, resources, region, RiskClass.Suicidal)),
            MessageFactory.Text(replies.UnsafeGrounding),
            MessageFactory.Text(Fill(replies.UnsafeLines, strings, resources, region, RiskClass.Suicidal) + "\n\n" + replies.NotEmergency),
        ];
    }

    /// <summary>The answer "safe": their safety plan (or how to write one), the lines, a grounding exercise, and a way back.</summary>
    public static List<IActivity> Safe(SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region, JournalEntry? plan)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var activities = new List<IActivity> { MessageFactory.Text(replies.SafeFirst) };
        activities.Add(MessageFactory.Text(plan is null ? replies.SafeNoPlan : SafetyPlan.Render(plan, strings)));
        activities.Add(MessageFactory.Text(Fill(replies.SafeLines, strings, resources, region, RiskClass.Suicidal)));
        activities.Add(MessageFactory.Text(replies.Grounding));

        // Commands the router matches, so their words stay with the commands rather than in content.
        activities.Add(Suggestions.Of(["back", "safety plan", "menu"], replies.ContinueLater));
        return activities;
    }

    /// <summary>The answer "safe" with "you read me wrong": an apology, the lines, and the way back; no plan, no breathing lesson.</summary>
    public static List<IActivity> Misread(SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region)
    {
        ArgumentNullException.ThrowIfNull(replies);

        // Commands the router matches, so their words stay with the commands rather than in content.
        return
        [
            MessageFactory.Text(replies.Misread + " " + Fill(replies.SafeLines, strings, resources, region, RiskClass.Suicidal)),
            Suggestions.Of(["back", "menu"], replies.ContinueLater),
        ];
    }

    /// <summary>
    /// A message nothing else took, soon after a crisis reply: the way to help again, and gentle ways on. While a
    /// reflection is held, that it is paused and "back" carries on; after the first time, only that, with the lines.
    /// </summary>
    public static IActivity StayClose(SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region, bool held = false, bool first = true)
    {
        ArgumentNullException.ThrowIfNull(replies);

        // Commands the router matches, so their words stay with the commands rather than in content.
        if (!held)
        {
            return Suggestions.Of(["self soothe", "safety plan", "menu"], Fill(replies.StayClose, strings, resources, region, RiskClass.Suicidal));
        }

        var text = first
            ? Fill(replies.StayClose, strings, resources, region, RiskClass.Suicidal) + "\n\n" + replies.Held
            : Fill(replies.HeldAgain, strings, resources, region, RiskClass.Suicidal);
        return Suggestions.Of(["back", "safety plan", "menu"], text);
    }

    public static IActivity Card(RiskClass risk, SafetyReplies replies, StringCatalog strings, CrisisResources resources, CrisisRegion? region)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(resources);
        var text = new StringBuilder();
        var buttons = new List<CardAction>();
        if (region is not null)
        {
            text.Append(strings.Text(SafetyStrings.CardSupportIn, ("region", region.Name)));
            foreach (var line in region.LinesFor(risk))
            {
                // Plain "Name: how", no Markdown: Web Chat reads a Hero card's text raw, so "**" is read as "star star".
                text.Append("\n\n").Append(line.Name).Append(": ").Append(line.How);
                if (line.Url is not null)
                {
                    buttons.Add(new CardAction(ActionTypes.OpenUrl, line.Name, value: line.Url));
                }
            }

            text.Append("\n\n").Append(strings.Text(SafetyStrings.CardEmergency, ("emergency", region.Emergency)));
        }
        else
        {
            var fallback = resources.Fallback;
            text.Append(strings.Text(SafetyStrings.CardNoRegion, ("name", fallback.Name), ("how", fallback.How), ("url", fallback.Url)))
                .Append("\n\n").Append(strings[SafetyStrings.CardAskRegion])
                .Append("\n\n").Append(resources.Emergency);
            buttons.Add(new CardAction(ActionTypes.OpenUrl, fallback.Name, value: fallback.Url));
        }

        text.Append("\n\n").Append(replies.NotEmergency);
        var card = new HeroCard { Title = replies.CardTitle, Text = text.ToString(), Buttons = buttons };
        return MessageFactory.Attachment(card.ToAttachment());
    }

    /// <summary>Fills {lines} and {emergency} for a class and region.</summary>
    public static string Fill(string text, StringCatalog strings, CrisisResources resources, CrisisRegion? region, RiskClass risk)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(resources);
        return text
            .Replace("{lines}", Lines(strings, resources, region, risk), StringComparison.Ordinal)
            .Replace("{emergency}", region?.Emergency ?? strings[SafetyStrings.EmergencyUnknown], StringComparison.Ordinal);
    }

    /// <summary>The lines in one phrase: "Samaritans (116 123), Shout (85258) and Childline (0800 1111)".</summary>
    public static string Lines(StringCatalog strings, CrisisResources resources, CrisisRegion? region, RiskClass risk)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(resources);
        if (region is null)
        {
            return strings.Text(SafetyStrings.LinesDirectory, ("name", resources.Fallback.Name), ("url", resources.Fallback.Url));
        }

        var names = Names(region, risk);
        return names.Count == 1 ? names[0] : strings.Text(SafetyStrings.LinesAnd, ("others", string.Join(", ", names[..^1])), ("last", names[^1]));
    }

    /// <summary>Each line as "Name (number)", or "Name (url)" when it has no number.</summary>
    private static List<string> Names(CrisisRegion region, RiskClass risk)
        => [.. region.LinesFor(risk).Select(l => l.Number is null ? $"{l.Name} ({l.Url})" : $"{l.Name} ({l.Number})")];
}
