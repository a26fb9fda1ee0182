using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels;

/// <summary>
/// Writes to a user first (a reminder, a clinician's assignment) by continuing their stored conversation:
/// the callback gets a turn context whose replies go to that conversation through the connector, with the
/// same middleware, rendering and retries as any reply.
/// </summary>
public sealed class ProactiveMessenger(
    CloudAdapter adapter,
    ConversationReferences references,
    IOptions<BotCredentialOptions> credentials,
    ILogger<ProactiveMessenger> logger)
{
    /// <summary>Runs <paramref name="callback"/> in the user's conversation; false when no reference is stored.</summary>
    public async Task<bool> ContinueAsync(string userKey, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var reference = await references.GetAsync(userKey, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            ChannelLog.NoReference(logger);
            return false;
        }

        // With no app id (local use) the connector is called anonymously, as for replies.
        var appId = credentials.Value.MicrosoftAppId ?? string.Empty;
        await adapter.ContinueConversationAsync(appId, reference, callback, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Sends one message to the user; false when no reference is stored.</summary>
    public Task<bool> SendAsync(string userKey, Microsoft.Bot.Schema.IActivity message, CancellationToken cancellationToken = default)
        => ContinueAsync(userKey, (turnContext, ct) => turnContext.SendActivityAsync(message, ct), cancellationToken);
}
