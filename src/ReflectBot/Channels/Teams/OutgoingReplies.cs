using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ReflectBot.Content;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Shapes every reply on its way out, whoever built it: fitted to Teams' rendering in Teams, and split or
/// shortened wherever it would exceed the message size limit.
/// </summary>
public sealed class OutgoingReplies(StringCatalog strings, ILogger<OutgoingReplies> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var shaped = new List<Activity>(activities.Count);
            foreach (var activity in activities)
            {
                if (TeamsRendering.IsTeams(activity.ChannelId ?? context.Activity.ChannelId))
                {
                    TeamsRendering.Fit(activity);
                }

                var bytes = activity.Type == ActivityTypes.Message ? ReplySize.BytesOf(activity) : 0;
                var parts = ReplySize.Fit(activity, strings, bytes);
                if (parts.Count > 1)
                {
                    TeamsLog.ReplySplit(logger, bytes, parts.Count);
                }

                shaped.AddRange(parts);
            }

            // The pipeline sends the list it handed us, so the shaped messages replace it in place.
            activities.Clear();
            activities.AddRange(shaped);
            return await nextSend().ConfigureAwait(false);
        });

        await next(cancellationToken).ConfigureAwait(false);
    }
}
