using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// "hi" with nothing in progress: the welcome the first time, a hello to someone coming back, or (straight after
/// the welcome, which a new chat shows before anyone types) just the way into the check-in; then the daily check-in.
/// </summary>
public sealed class GreetingCommand(JourneyCatalog catalog, StringCatalog strings, TimeProvider time) : ITurnCommand
{
    /// <summary>How long after the welcome a "hi" is the first word of the same visit, not a return.</summary>
    public static readonly TimeSpan SameVisit = TimeSpan.FromMinutes(30);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Greeting, turn.Text) || turn.Dialogs.ActiveDialog is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var profile = turn.Profile;
        var greeting = strings[
            !profile.Welcomed ? ConversationStrings.Welcome
            : profile.WelcomedUtc is { } welcomed && now - welcomed < SameVisit ? ConversationStrings.JustWelcomed
            : ConversationStrings.Hello];
        if (!profile.Welcomed)
        {
            profile.MarkWelcomed(now);
        }

        await turn.Context.SendActivityAsync(MessageFactory.Text(greeting), cancellationToken).ConfigureAwait(false);
        if (catalog.Find(Menu.DefaultJourneyId) is not null)
        {
            await turn.Dialogs.BeginDialogAsync(Menu.DefaultJourneyId, null, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
