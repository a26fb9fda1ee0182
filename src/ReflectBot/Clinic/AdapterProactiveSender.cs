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
public sealed class AdapterProactiveSender(IServiceProvider services, IOptions<BotCredentialOptions> credentials) : IProactiveSender
{
    public Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken = default)
    {
        // Resolved when first used: the adapter's middleware (ours included) depends on this sender.
        var adapter = services.GetRequiredService<ReflectBotAdapter>();
        return adapter.ContinueConversationAsync(
            credentials.Value.MicrosoftAppId ?? string.Empty,
            reference,
            async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct).ConfigureAwait(false),
            cancellationToken);
    }
}
