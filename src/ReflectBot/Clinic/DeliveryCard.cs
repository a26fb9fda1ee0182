using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Clinic;

/// <summary>The message that brings an assignment to the client: a short friendly line and one button that starts it.</summary>
public static class DeliveryCard
{
    public static string StartCommand(string assignmentId) => $"start assignment {assignmentId}";

    public static IMessageActivity Build(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var text = $"Hi! {assignment.ClinicianName} asked you to take a few minutes for \"{assignment.Title}\".";
        if (!string.IsNullOrWhiteSpace(assignment.Note))
        {
            text += $" Their note: \"{assignment.Note}\"";
        }

        text += " Whenever you're ready, tap Start (or type \"" + StartCommand(assignment.Id) + "\").";
        var card = new HeroCard
        {
            Text = text,
            Buttons = [new CardAction(ActionTypes.ImBack, "Start", value: StartCommand(assignment.Id))],
        };
        return MessageFactory.Attachment(card.ToAttachment());
    }
}
