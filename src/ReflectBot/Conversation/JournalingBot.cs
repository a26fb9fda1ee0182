using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journeys;
using ReflectBot.Channels;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The bot: welcome, the commands that work at any moment (help, cancel, menu, back), starting journeys,
/// and handing every other message to the journey in progress. State is saved once at the end of the turn.
/// </summary>
public sealed class JournalingBot : TeamsActivityHandler
{
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<UserProfile> _profile;
    private readonly JourneyCatalog _catalog;
    private readonly StringCatalog _strings;
    private readonly JourneyDialogs _dialogs;
    private readonly IReadOnlyList<ITurnCommand> _commands;
    private readonly IReadOnlyList<IJourneyCompletionObserver> _completion;
    private readonly ILogger<JournalingBot> _logger;

    public JournalingBot(ConversationState conversationState, UserState userState, JourneyCatalog catalog, StringCatalog strings, JourneyDialogs dialogs, IEnumerable<ITurnCommand> commands, IEnumerable<IJourneyCompletionObserver> completion, ILogger<JournalingBot> logger)
    {
        _completion = [.. completion];
        _commands = [.. commands.OrderBy(c => c.Order)];
        _conversationState = conversationState;
        _userState = userState;
        _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
        _profile = userState.CreateProperty<UserProfile>("profile");
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
    // forgotten by Channels/Teams/ConversationReferenceRecorder.
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => WelcomeOnceAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _profile.GetPinnedAsync(turnContext, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        if (!profile.Welcomed)
        {
            profile.Welcomed = true;
            await turnContext.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.Welcome]), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(Menu.Card(_catalog, turnContext.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var profile = await _profile.GetPinnedAsync(turnContext, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(profile);
        profile.RememberConversation(turnContext.Activity.Conversation?.Id);
        ApplyTimeZone(turnContext, profile);

        var state = await _dialogState.GetPinnedAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        var dc = new DialogContext(_dialogs.Set, turnContext, state);
        var text = TextOf(turnContext.Activity);

        try
        {
            await RouteAsync(dc, text, profile, cancellationToken).ConfigureAwait(false);
        }
        catch (DialogNotFoundException)
        {
            // The stack names a journey this deployment no longer has: start clean rather than fail every turn.
            BotLog.StaleDialogStack(_logger);
            state.DialogStack.Clear();
            await turnContext.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.LostOurPlace]), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(Menu.Card(_catalog, turnContext.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RouteAsync(DialogContext dc, string? text, UserProfile profile, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var turn = new TurnInfo(context, dc, profile, text);

        // Commands with a negative order answer something the bot just asked, before any global word
        // (the safety check: "no" right after "Are you safe right now?").
        foreach (var first in _commands.Where(c => c.Order < 0))
        {
            if (await first.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var command = GlobalCommands.Match(text);

        switch (command)
        {
            case GlobalCommand.Help:
                await HelpAsync(dc, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Cancel:
                await CancelAsync(dc, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Menu:
                await context.SendActivityAsync(Menu.Card(_catalog, context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
                if (TitleOf(dc) is { } open)
                {
                    await context.SendActivityAsync(MessageFactory.Text(_strings.Text(ConversationStrings.Paused, ("title", open.ToLowerInvariant()))), cancellationToken).ConfigureAwait(false);
                }

                return;
            case GlobalCommand.Back when dc.ActiveDialog is not null:
                await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.AreYouABot:
                await context.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.IAmABot]), cancellationToken).ConfigureAwait(false);
                await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return;
        }

        foreach (var feature in _commands.Where(c => c.Order >= 0))
        {
            if (await feature.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        if (dc.ActiveDialog is not null)
        {
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);

            // A journey started by its command (not from a clinician's assignment, which wraps it and
            // reports its own) ends here with its outcome: tell who wants to know, e.g. the clinic.
            if (result.Status == DialogTurnStatus.Complete && result.Result is JourneyOutcome outcome)
            {
                foreach (var observer in _completion)
                {
                    await observer.OnJourneyCompletedAsync(context, outcome.JourneyId, null, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        if (command == GlobalCommand.Greeting)
        {
            var greeting = _strings[profile.Welcomed ? ConversationStrings.Hello : ConversationStrings.Welcome];
            profile.Welcomed = true;
            await context.SendActivityAsync(MessageFactory.Text(greeting), cancellationToken).ConfigureAwait(false);
            if (_catalog.Find(Menu.DefaultJourneyId) is not null)
            {
                await dc.BeginDialogAsync(Menu.DefaultJourneyId, null, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (text is null)
        {
            await context.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.NoWords]), cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.NotSure]), cancellationToken).ConfigureAwait(false);
        await context.SendActivityAsync(Menu.Card(_catalog, context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
    }

    private async Task HelpAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.DescribeActive() is { } described)
        {
            var title = described.Title.ToLowerInvariant();
            var where = described.Progress is { } at
                ? _strings.Text(ConversationStrings.WhereYouAreAt, ("title", title), ("question", at.Question), ("of", at.Of))
                : _strings.Text(ConversationStrings.WhereYouAre, ("title", title));
            await dc.Context.SendActivityAsync(MessageFactory.Text(where), cancellationToken).ConfigureAwait(false);
            await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var commands = string.Join(", ", _catalog.All.Select(j => $"\"{j.Commands.FirstOrDefault() ?? j.Title}\""));
        await dc.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ConversationStrings.Help, ("commands", commands))), cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is { } instance)
        {
            var title = TitleOf(dc) ?? "that";
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await dc.Context.SendActivityAsync(MessageFactory.Text(_strings.Text(ConversationStrings.Stopped, ("title", title.ToLowerInvariant()))), cancellationToken).ConfigureAwait(false);
            return;
        }

        await dc.Context.SendActivityAsync(MessageFactory.Text(_strings[ConversationStrings.NothingToStop]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name of what is in progress: a journey's title, or a feature dialog's (<see cref="IDescribedDialog"/>).</summary>
    private static string? TitleOf(DialogContext dc) => dc.DescribeActive()?.Title;

    private static void ApplyTimeZone(ITurnContext turnContext, UserProfile profile)
    {
        // The channel's zone is fresher than what we stored (the user may be travelling); remember it.
        if (TimeZones.TryFind(turnContext.Activity.LocalTimezone, out var fromChannel))
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
