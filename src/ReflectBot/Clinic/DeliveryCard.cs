using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>The message that brings an assignment to the client: a short friendly line and one button that starts it.</summary>
public static class DeliveryCard
{
    public static string StartCommand(string assignmentId) => $"start assignment {assignmentId}";

    public static IMessageActivity Build(Assignment assignment, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(strings);
        var text = strings.Text(
            string.IsNullOrWhiteSpace(assignment.Note) ? ClinicStrings.Delivery : ClinicStrings.DeliveryWithNote,
            ("clinician", assignment.ClinicianName),
            ("title", assignment.Title),
            ("note", assignment.Note),
            ("command", StartCommand(assignment.Id)));
        var card = new HeroCard
        {
            Text = text,
            Buttons = [new CardAction(ActionTypes.ImBack, strings[ClinicStrings.DeliveryStartButton], value: StartCommand(assignment.Id))],
        };
        return MessageFactory.Attachment(card.ToAttachment());
    }
}
