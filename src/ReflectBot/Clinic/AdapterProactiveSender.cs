using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReflectBot.Hosting;

namespace ReflectBot.Clinic;

/// <summary>
/// Proactive messages through the bot's own CloudAdapter: it continues the conversation and posts the
/// activity to the reference's serviceUrl (Teams, the local Direct Line's connector routes, any channel),
/// authenticated as the bot when an app id is configured.
/// </summary>
public sealed class AdapterProactiveSender(ReflectBotAdapter adapter, IOptions<BotCredentialOptions> credentials) : IProactiveSender
{
    public Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken = default)
        => adapter.ContinueConversationAsync(
            credentials.Value.MicrosoftAppId ?? string.Empty,
            reference,
            async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct).ConfigureAwait(false),
            cancellationToken);
}
