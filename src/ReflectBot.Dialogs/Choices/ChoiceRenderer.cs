using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Dialogs.Choices;

/// <summary>Builds the activity that offers a list of choices, fitted to what the channel can show.</summary>
public static class ChoiceRenderer
{
    public static IMessageActivity Render(string? channelId, string text, IReadOnlyList<Choice> choices, ListStyle style = ListStyle.Auto)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (style == ListStyle.Auto)
        {
            style = choices.Count <= ChannelCapabilities.MaxSuggestedActions(channelId)
                ? ListStyle.SuggestedAction
                : ListStyle.HeroCard;
        }

        switch (style)
        {
            case ListStyle.SuggestedAction:
                var reply = MessageFactory.Text(text);
                reply.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(ImBack)] };
                return reply;
            case ListStyle.HeroCard:
                var card = new HeroCard { Text = text, Buttons = [.. choices.Select(ImBack)] };
                return MessageFactory.Attachment(card.ToAttachment());
            case ListStyle.List:
                var list = new StringBuilder(text);
                for (var i = 0; i < choices.Count; i++)
                {
                    list.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Value);
                }

                return MessageFactory.Text(list.ToString());
            default:
                return MessageFactory.Text(text);
        }
    }

    // imBack posts the choice's value back as the user's own message, which every channel shows
    // in the transcript and which the recognizer matches exactly.
    private static CardAction ImBack(Choice choice) => new(ActionTypes.ImBack, choice.Value, value: choice.Value);
}
