using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Conversation;
using ReflectBot.Journal;

namespace ReflectBot.Safety;

/// <summary>
/// The words and the card the bot answers crisis language with. Built from content that is already in
/// memory, so it never waits on storage; the safety plan comes first when there is one.
/// </summary>
public static class CrisisReply
{
    public const string CardTitle = "You don't have to go through this alone";

    public const string NotEmergency = "I'm an automated companion, not a person and not an emergency service: I can't call anyone or send help.";

    public const string Grounding =
        "If you'd like, try this with me now. Breathe in slowly for 4, and out for 6, a few times. Then look around and name " +
        "5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste. Feel your feet on the floor.";

    public const string ContinueLater =
        "Whatever we were doing is paused, not lost. When you feel ready, type \"back\" to carry on, or leave it for later. " +
        "\"safety plan\" opens or writes your safety plan any time.";

    public static string Empathy(RiskClass risk) => risk switch
    {
        RiskClass.Abuse => "I'm so sorry this is happening to you. It's not your fault, and you deserve to be safe.",
        RiskClass.HarmToOthers => "Thank you for telling me. Thoughts like these can be frightening, and talking to someone right now can help keep you and others safe.",
        _ => "I'm really glad you told me. It sounds like you're in a lot of pain right now, and you deserve support.",
    };

    /// <summary>The reply, in order, and what it offered (for the safety event).</summary>
    public static (IReadOnlyList<IActivity> Activities, List<string> Offered) Build(RiskClass risk, CrisisResources resources, CrisisRegion? region, JournalEntry? plan)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var offered = new List<string>();
        var activities = new List<IActivity> { MessageFactory.Text(Empathy(risk)) };
        if (plan is not null)
        {
            activities.Add(MessageFactory.Text(SafetyPlan.Render(plan)));
            offered.Add("safety-plan");
        }

        activities.Add(Card(resources, region));
        offered.Add(region is null ? "directory" : $"resources:{region.Id}");
        activities.Add(MessageFactory.Text(Grounding));
        offered.Add("grounding");

        var later = Suggestions.Of(["back", "safety plan", "menu"], ContinueLater);
        activities.Add(later);
        offered.Add("continue-later");
        return (activities, offered);
    }

    public static IActivity Card(CrisisResources resources, CrisisRegion? region)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var text = new StringBuilder();
        var buttons = new List<CardAction>();
        if (region is not null)
        {
            text.Append("Free, confidential support in ").Append(region.Name).Append(", any time:");
            foreach (var line in region.Resources)
            {
                text.Append("\n\n**").Append(line.Name).Append("**: ").Append(line.How);
                if (line.Url is not null)
                {
                    buttons.Add(new CardAction(ActionTypes.OpenUrl, line.Name, value: line.Url));
                }
            }
        }
        else
        {
            text.Append("Free, confidential crisis lines exist in most countries. **").Append(resources.Fallback.Name).Append("**: ")
                .Append(resources.Fallback.How).Append(' ').Append(resources.Fallback.Url)
                .Append("\n\nTell me where you are (for example \"region US\", \"region UK\" or \"region Ireland\") and I'll show the lines there.");
            buttons.Add(new CardAction(ActionTypes.OpenUrl, resources.Fallback.Name, value: resources.Fallback.Url));
        }

        text.Append("\n\n").Append(resources.Emergency).Append("\n\n").Append(NotEmergency);
        var card = new HeroCard { Title = CardTitle, Text = text.ToString(), Buttons = buttons };
        return MessageFactory.Attachment(card.ToAttachment());
    }
}
