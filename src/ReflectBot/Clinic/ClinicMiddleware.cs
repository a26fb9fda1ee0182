using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Conversation;
using ReflectBot.Dialogs.Prompts;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Clinic;

/// <summary>
/// On every turn: remembers the user's conversation (so assignments can be delivered to it). After a
/// client's message: keeps their time zone current for the scheduler, and shows any assignment that is
/// due but never reached them.
/// </summary>
public sealed partial class ClinicMiddleware(IConversationReferenceSource references, ClientRecords clients, AssignmentDelivery delivery) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate)
        {
            await references.RecordAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        await next(cancellationToken).ConfigureAwait(false);

        if (activity.Type != ActivityTypes.Message || activity.From?.Id is null)
        {
            return;
        }

        var clientId = UserKeys.Of(activity);
        if (await clients.FindAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var zone = TimeZones.Of(turnContext).Id;
        if (record.TimeZone != zone && TimeZones.TryFind(zone, out _))
        {
            await clients.EnsureAsync(clientId, zone, cancellationToken).ConfigureAwait(false);
        }

        // Not when the message is itself about assignments: it already shows them or starts one.
        if (!AboutAssignments().IsMatch(activity.Text ?? string.Empty))
        {
            await delivery.DeliverInTurnAsync(turnContext, clientId, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^\s*(start assignment|my assignments?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutAssignments();
}
