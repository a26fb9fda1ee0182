using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Channels;

/// <summary>
/// Keeps each user's conversation reference current: stored when the bot is installed and on every
/// message (written only when it changed), forgotten when the bot is uninstalled. Shared conversations
/// never get here (see <see cref="GroupConversationGuard"/>). Only a serviceUrl someone vouched for is kept
/// (<see cref="TurnIdentity.ServiceUrlVouched"/>: the one in the channel's validated token, this host's own
/// web chat, or with no app id a loopback or the configured public address): the scheduler posts to it later
/// with the bot's credentials, so a caller-chosen one would be an open relay. A storage fault here is logged
/// and the turn goes on: the user's message matters more than a fresher reference.
/// </summary>
public sealed class ConversationReferenceRecorder(ConversationReferences references, ILogger<ConversationReferenceRecorder> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.From?.Id is { Length: > 0 } && !ConversationScopes.IsShared(activity))
        {
            try
            {
                await RecordAsync(turnContext, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ChannelLog.ReferenceNotSaved(logger, ex.GetType().FullName ?? "Exception");
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            var action = activity.Action ?? string.Empty;
            if (action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
            {
                var deleted = await references.DeleteAsync(ConversationReferences.KeyOf(activity.GetConversationReference()), cancellationToken).ConfigureAwait(false);
                ChannelLog.ReferenceForgotten(logger, deleted);
                return;
            }

            if (action.StartsWith("add", StringComparison.OrdinalIgnoreCase))
            {
                await SaveIfVouchedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (activity.Type == ActivityTypes.Message)
        {
            await SaveIfVouchedAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveIfVouchedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (TurnIdentity.Of(turnContext) is not { ServiceUrlVouched: true })
        {
            ChannelLog.ReferenceNotVouched(logger);
            return;
        }

        await references.SaveAsync(ConversationReferences.From(activity), cancellationToken).ConfigureAwait(false);
    }
}
