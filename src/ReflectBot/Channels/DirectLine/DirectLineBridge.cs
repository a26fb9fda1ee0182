using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Kernel;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Carries the page's activities to the bot the way a channel does: an activity with channelId "webchat",
/// the user from the token and a serviceUrl of this host, run through the same CloudAdapter (middleware,
/// error handler, connector client) as /api/messages. The bot answers through its connector client, which
/// posts to <see cref="ConnectorEndpoints"/>; it cannot tell this channel from any other.
/// </summary>
public sealed class DirectLineBridge
{
    public const string ChannelId = "webchat";

    private readonly CloudAdapter _adapter;
    private readonly LocalServiceUrl _serviceUrl;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ILogger<DirectLineBridge> _logger;
    private readonly string? _appId;

    public DirectLineBridge(CloudAdapter adapter, LocalServiceUrl serviceUrl, IOptions<BotCredentialOptions> credentials, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DirectLineBridge> logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(lifetime);
        _adapter = adapter;
        _serviceUrl = serviceUrl;
        _time = time;
        _stopping = lifetime.ApplicationStopping;
        _logger = logger;
        _appId = string.IsNullOrWhiteSpace(credentials.Value.MicrosoftAppId) ? null : credentials.Value.MicrosoftAppId;
    }

    /// <summary>The bot's account in this channel.</summary>
    public static ChannelAccount BotAccount() => new("reflectbot", "ReflectBot", role: RoleTypes.Bot);

    /// <summary>Tells the bot that the user and the bot joined, as Direct Line does when a conversation starts.</summary>
    public Task StartAsync(DirectLineConversation conversation, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var update = Incoming(conversation, ActivityTypes.ConversationUpdate);
        update.MembersAdded = [BotAccount(), User(conversation)];
        return RunTurnAsync(conversation, update, bot);
    }

    /// <summary>
    /// Logs what the page posted (the page sees its own message come back with an id, as on Direct Line),
    /// shows the bot typing, and runs the bot's turn. Returns the activity's id.
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity posted, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(posted);
        var activity = Incoming(conversation, posted.Type);
        activity.Text = posted.Text;
        activity.TextFormat = posted.TextFormat;
        activity.Value = posted.Value;
        activity.Name = posted.Name;
        activity.Locale = posted.Locale;
        activity.LocalTimestamp = posted.LocalTimestamp;
        activity.LocalTimezone = posted.LocalTimezone;

        // Web Chat matches the echo to the message it is sending by channelData.clientActivityID.
        activity.ChannelData = posted.ChannelData;

        // The user's name may come from the page (it is only a label); the id never does.
        activity.From.Name = posted.From?.Name;

        var id = conversation.Append(activityId =>
        {
            activity.Id = activityId;
            return DirectLineJson.Serialize(activity);
        }, _time.GetUtcNow());

        if (activity.Type == ActivityTypes.Message)
        {
            // Web Chat shows its typing indicator until the bot's next message (or for a few seconds).
            AppendFromBot(conversation, new Activity(ActivityTypes.Typing) { From = BotAccount() }, replyToId: id);
        }

        await RunTurnAsync(conversation, activity, bot).ConfigureAwait(false);
        return id;
    }

    /// <summary>Logs an activity the bot sent (through the connector routes) so the page fetches it.</summary>
    public string AppendFromBot(DirectLineConversation conversation, Activity activity, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = new ChannelAccount(activity.From?.Id ?? BotAccount().Id, activity.From?.Name ?? BotAccount().Name, role: RoleTypes.Bot);
        activity.Recipient = User(conversation);
        activity.ReplyToId = replyToId ?? activity.ReplyToId;
        activity.Timestamp = _time.GetUtcNow();
        activity.ServiceUrl = null;
        return conversation.Append(id =>
        {
            activity.Id = id;
            return DirectLineJson.Serialize(activity);
        }, _time.GetUtcNow());
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, IBot bot)
    {
        // One turn at a time per conversation. The turn runs to its end even if the page goes away
        // (as it would behind the real service): a half-finished turn would leave the journey in doubt.
        await conversation.TurnLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            // ContinueConversationAsync runs the same pipeline as ProcessAsync (connector client for the
            // activity's serviceUrl, middleware, OnTurnError) for an identity we vouch for: this host
            // authenticated the user by their token, as the Bot Connector would have.
            await _adapter.ContinueConversationAsync(Identity(conversation), activity, null, bot.OnTurnAsync, _stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DirectLineLog.BotFailed(_logger, e.GetType().FullName ?? "Exception");
            throw;
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    private Activity Incoming(DirectLineConversation conversation, string type) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = _serviceUrl.Value.AbsoluteUri,
        From = User(conversation),
        Recipient = BotAccount(),
        Conversation = new ConversationAccount(id: conversation.Id),
        Timestamp = _time.GetUtcNow(),
    };

    private static ChannelAccount User(DirectLineConversation conversation) => new(conversation.UserId, role: RoleTypes.User);

    // The user this host authenticated by its own token: the turn's identity says so (VouchedIdentity), which
    // no request from outside the process can produce. The claims are what CloudAdapter needs to pick the
    // connector's credentials, as before.
    private VouchedIdentity Identity(DirectLineConversation conversation)
        => _appId is null
            ? new VouchedIdentity(ChannelId, conversation.UserId, [], AuthenticationConstants.AnonymousAuthType)
            : new VouchedIdentity(ChannelId, conversation.UserId, [new Claim(AuthenticationConstants.AudienceClaim, _appId), new Claim(AuthenticationConstants.AppIdClaim, _appId)], null);
}
