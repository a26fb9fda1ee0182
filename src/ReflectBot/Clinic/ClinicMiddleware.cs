using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Clinic;

/// <summary>
/// After a client's message: keeps their time zone current for the scheduler, and shows any assignment
/// that is due but never reached them. Conversation references are kept by the Teams feature
/// (Channels/ConversationReferenceRecorder) for every channel. Users who never connected with a clinician
/// (the <see cref="UserProfile.ClinicClient"/> flag in the user state the turn loaded anyway) cost no
/// clinic read.
/// </summary>
public sealed partial class ClinicMiddleware(ClientRecords clients, PendingDelivery delivery, EntryReplies replies, UserState userState) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);

        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || activity.From?.Id is null
            || turnContext.TurnState.Get<UserProfile>() is not { ClinicClient: true }
            || userState.Get(turnContext) is null)
        {
            // Not a client, or their user state was deleted this turn ("delete my data"): nothing to keep.
            return;
        }

        var clientId = UserKeys.Of(activity);
        var zone = TimeZones.Of(turnContext).Id;
        if (TimeZones.TryFind(zone, out _))
        {
            await clients.KeepZoneAsync(clientId, zone, cancellationToken).ConfigureAwait(false);
        }

        await replies.ShowPendingAsync(turnContext, clientId, cancellationToken).ConfigureAwait(false);

        // Not when the message is itself about assignments: it already shows them or starts one.
        if (!AboutAssignments().IsMatch(activity.Text ?? string.Empty))
        {
            await delivery.DeliverInTurnAsync(turnContext, clientId, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^\s*(start assignment|my assignments?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutAssignments();
}
