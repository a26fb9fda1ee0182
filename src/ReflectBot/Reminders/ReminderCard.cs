using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;

namespace ReflectBot.Reminders;

/// <summary>The message a reminder the person chose brings: one friendly line and one button that starts its journey.</summary>
public static class ReminderCard
{
    public static IMessageActivity Build(string journeyTitle, string startCommand, StringCatalog strings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journeyTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(startCommand);
        ArgumentNullException.ThrowIfNull(strings);
        var text = strings.Text(RemindersStrings.Due, ("title", journeyTitle));
        var card = new HeroCard
        {
            Text = text,
            Buttons = [new CardAction(ActionTypes.ImBack, strings.Text(RemindersStrings.DueButton, ("title", journeyTitle)), value: startCommand)],
        };
        var message = MessageFactory.Attachment(card.ToAttachment());

        // A screen reader and Teams' notifications read this line, not the card.
        message.Speak = text;
        return message;
    }
}
