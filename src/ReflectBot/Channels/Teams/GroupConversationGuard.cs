using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ReflectBot.Content;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Keeps the bot out of group chats and team channels: it is a private journal, and anything it posted
/// there (a question, a journal entry, a crisis card) would be read by everyone in the room. Runs right after
/// the identity step (Hosting/TurnPipeline), so no feature, state or store sees a shared conversation; the only
/// reply there is one short, impersonal message when the bot is added or spoken to.
/// </summary>
public sealed class GroupConversationGuard(StringCatalog strings, ILogger<GroupConversationGuard> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!ConversationScopes.IsShared(activity))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var kind = ConversationScopes.KindOf(activity);
        TeamsLog.GroupConversationRefused(logger, kind);
        var added = activity.Type == ActivityTypes.InstallationUpdate
            && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase);
        if (activity.Type == ActivityTypes.Message || added)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(strings[TeamsStrings.OneToOneOnly]), cancellationToken).ConfigureAwait(false);
        }
        else if (activity.Type == ActivityTypes.Invoke)
        {
            // A card action in a shared conversation: acknowledge it so Teams shows no error, do nothing.
            await turnContext.SendActivityAsync(
                new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200 } },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
