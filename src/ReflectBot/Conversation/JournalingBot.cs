using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The bot's turn inside the pipeline (Hosting/TurnPipeline): the welcome when someone joins, and for a message
/// the user's profile and dialog stack from the state loaded for the turn, then the routing table
/// (<see cref="TurnRouter"/>). State is saved once at the end of the turn, around this, by Storage/StateSavingBot.
/// </summary>
public sealed class JournalingBot : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<UserProfile> _profile;
    private readonly JourneyCatalog _catalog;
    private readonly StringCatalog _strings;
    private readonly JourneyDialogs _dialogs;
    private readonly TurnRouter _router;
    private readonly ILogger<JournalingBot> _logger;
    private readonly TimeProvider _time;

    public JournalingBot(ConversationState conversationState, UserState userState, JourneyCatalog catalog, StringCatalog strings, JourneyDialogs dialogs, TurnRouter router, TimeProvider time, ILogger<JournalingBot> logger)
    {
        _time = time;
        _router = router;
        _dialogState = conversationState.CreateProperty<DialogState>(StateKeys.DialogStateProperty);
        _profile = userState.CreateProperty<UserProfile>(StateKeys.ProfileProperty);
        _catalog = catalog;
        _strings = strings;
        _dialogs = dialogs;
        _logger = logger;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // State is saved by Storage/StateSavingBot around this turn (ETag-checked, written only if
        // changed, the turn re-run once on a lost race, replies held until the save succeeded).
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    // Teams: the app was added to the user's personal scope (shared scopes never reach the bot, see
    // Channels/Teams/GroupConversationGuard). Uninstalling needs nothing here: the reference is
    // forgotten by Channels/ConversationReferenceRecorder.
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => WelcomeOnceAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _profile.GetPinnedAsync(turnContext, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        if (!profile.Welcomed)
        {
            profile.MarkWelcomed(_time.GetUtcNow());
            await turnContext.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.Welcome]), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(Menu.Card(_catalog, _strings, turnContext.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var profile = await _profile.GetPinnedAsync(turnContext, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(profile);
        ApplyTimeZone(turnContext, profile);

        var state = await _dialogState.GetPinnedAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        var dc = new DialogContext(_dialogs.Set, turnContext, state);
        var text = TextOf(turnContext.Activity);

        try
        {
            await _router.RouteAsync(new TurnInfo(turnContext, dc, profile, text), cancellationToken).ConfigureAwait(false);
        }
        catch (DialogNotFoundException)
        {
            // The stack names a journey this deployment no longer has: start clean rather than fail every turn.
            BotLog.StaleDialogStack(_logger);
            state.DialogStack.Clear();
            await turnContext.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.LostOurPlace]), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(Menu.Card(_catalog, _strings, turnContext.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ApplyTimeZone(ITurnContext turnContext, UserProfile profile)
    {
        // A zone the person told us wins; otherwise the channel's is fresher than what we stored (the user may be
        // travelling): remember it.
        if (profile.TimeZoneTold && TimeZones.TryFind(profile.TimeZone, out var told))
        {
            turnContext.TurnState.Set(told);
        }
        else if (TimeZones.TryFind(turnContext.Activity.LocalTimezone, out var fromChannel))
        {
            profile.TimeZone = fromChannel.Id;
            turnContext.TurnState.Set(fromChannel);
        }
        else if (TimeZones.TryFind(profile.TimeZone, out var stored))
        {
            turnContext.TurnState.Set(stored);
        }
    }

    /// <summary>The words of a message; a card button that posts a value instead of text counts as its "text" field.</summary>
    private static string? TextOf(IMessageActivity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text.Trim();
        }

        if (activity.Value is Newtonsoft.Json.Linq.JObject value && value.Value<string>("text") is { Length: > 0 } posted)
        {
            activity.Text = posted;
            return posted;
        }

        return null;
    }
}
