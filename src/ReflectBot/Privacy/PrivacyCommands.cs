using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Privacy;

/// <summary>"privacy", "delete my data" (with confirmation), "pause reminders", "resume reminders", "journal on/off".</summary>
public sealed partial class PrivacyCommands(
    IEnumerable<IUserDataEraser> erasers,
    UserState userState,
    ConversationState conversationState,
    IStorage stateStorage,
    IOptions<StorageOptions> storage,
    StringCatalog strings,
    TimeProvider time) : ITurnCommand
{
    /// <summary>The buttons under "Delete everything?": command phrases that <see cref="ConfirmDelete"/> and <see cref="Decline"/> match.</summary>
    public const string YesDelete = "yes, delete everything";

    public const string NoKeep = "no, keep it";

    /// <summary>The buttons under a bare "delete": the journal's listing (then "delete entry N") and "delete my data".</summary>
    public const string MyJournal = "my journal";

    public const string DeleteMyData = "delete my data";

    /// <summary>The phrases these commands take whatever the state (not the answers to "delete everything?", which only follow the question).</summary>
    public static bool Claims(string text)
        => Privacy().IsMatch(text) || Delete().IsMatch(text) || DeleteWhat().IsMatch(text) || PauseReminders().IsMatch(text) || ResumeReminders().IsMatch(text) || JournalOn().IsMatch(text) || JournalOff().IsMatch(text);

    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(10);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text ?? string.Empty;
        var profile = turn.Profile;
        var context = turn.Context;

        if (profile.DeletionAskedUntil is { } until)
        {
            profile.DeletionAskedUntil = null;
            if (until > time.GetUtcNow() && ConfirmDelete().IsMatch(text))
            {
                await DeleteEverythingAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (Decline().IsMatch(text))
            {
                await context.SendActivityAsync(MessageFactory.Text(strings[PrivacyStrings.Kept]), cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        if (Privacy().IsMatch(text))
        {
            await context.SendActivityAsync(MessageFactory.Text(PrivacyReplies.Overview(strings, storage.Value.Kind, profile.JournalConsent, profile.RemindersPaused)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Delete().IsMatch(text))
        {
            profile.DeletionAskedUntil = time.GetUtcNow() + ConfirmWithin;
            await context.SendActivityAsync(Suggestions.Of([YesDelete, NoKeep], PrivacyReplies.ConfirmDeletion(strings, storage.Value)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (DeleteWhat().IsMatch(text))
        {
            // A bare "delete": two very different things, so say both and do neither.
            await context.SendActivityAsync(Suggestions.Of([MyJournal, DeleteMyData], strings[PrivacyStrings.DeleteChoices]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (PauseReminders().IsMatch(text) || ResumeReminders().IsMatch(text))
        {
            profile.RemindersPaused = PauseReminders().IsMatch(text);
            var reply = profile.RemindersPaused ? PrivacyStrings.RemindersPaused : PrivacyStrings.RemindersResumed;
            await context.SendActivityAsync(MessageFactory.Text(strings[reply]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (JournalOn().IsMatch(text) || JournalOff().IsMatch(text))
        {
            profile.JournalConsent = JournalOn().IsMatch(text);
            var reply = profile.JournalConsent == true ? PrivacyStrings.JournalOn : PrivacyStrings.JournalOff;
            await context.SendActivityAsync(MessageFactory.Text(strings[reply]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task DeleteEverythingAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var erased = new List<string>();
        foreach (var eraser in erasers)
        {
            if (await eraser.EraseAsync(turn.UserId, cancellationToken).ConfigureAwait(false) is { } what)
            {
                erased.Add(what);
            }
        }

        // The state of the user's other conversations with the bot (this one's goes below, with its cache).
        var current = turn.Context.Activity.Conversation?.Id;
        var others = turn.Profile.Conversations.Where(id => id != current)
            .Select(id => StateKeys.Conversation(turn.Context.Activity.ChannelId, id)).ToArray();
        if (others.Length > 0)
        {
            await stateStorage.DeleteAsync(others, cancellationToken).ConfigureAwait(false);
        }

        // Deleting drops the turn's cached state too, so the end-of-turn save writes nothing back.
        await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await conversationState.DeleteAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        await userState.DeleteAsync(turn.Context, cancellationToken).ConfigureAwait(false);
        // Listed in one fixed order, whatever order the features registered their erasers in.
        erased.Sort(StringComparer.Ordinal);
        await turn.Context.SendActivityAsync(MessageFactory.Text(PrivacyReplies.Deleted(strings, erased, storage.Value)), cancellationToken).ConfigureAwait(false);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(privacy|my privacy|privacy (policy|settings)|what do you (store|keep|save)( about me)?|my data)\s*[.!?]*\s*$", Options)]
    private static partial Regex Privacy();

    // "delete my data", and the ways people ask for it: "how do i delete it all", "delete my stuff", "can i delete everything".
    [GeneratedRegex(@"^\s*(please )?((how (do|can|would) i|how to|can i|could i|may i|i want to|i'?d like to|i would like to|i need to|let me|please) )?(delete|erase|remove|wipe|clear) (all (of )?)?(my (data|journal|information|info|entries|stuff|things|history|account|everything)|everything|it all|all of it|all|the lot)( (please|now|for good|permanently))?\s*[.!?]*\s*$|^\s*((can you|please) )?forget (me|everything|about me)\s*[.!?]*\s*$", Options)]
    private static partial Regex Delete();

    // "delete" alone, or asking how, without saying what: one entry or everything?
    [GeneratedRegex(@"^\s*((how (do|can) i|how to|can i|i want to|i'?d like to) )?(delete|erase|remove)( (something|stuff|things|data|entries|an entry|one entry|a journal entry|my entry))?\s*[.!?]*\s*$", Options)]
    private static partial Regex DeleteWhat();

    [GeneratedRegex(@"^\s*(yes,? delete everything|yes,? delete( it| them| all)?|delete everything|yes,? i'?m sure|yes|y)\s*[.!]*\s*$", Options)]
    private static partial Regex ConfirmDelete();

    [GeneratedRegex(@"^\s*(no,? keep it|no|nope|cancel|keep it|don'?t delete)\s*[.!]*\s*$", Options)]
    private static partial Regex Decline();

    [GeneratedRegex(@"^\s*(pause|stop|mute|turn off) (my )?reminders\s*[.!]*\s*$", Options)]
    private static partial Regex PauseReminders();

    [GeneratedRegex(@"^\s*(resume|restart|unpause|unmute|turn on|start) (my )?reminders\s*[.!]*\s*$", Options)]
    private static partial Regex ResumeReminders();

    [GeneratedRegex(@"^\s*(journal on|keep (a|my) journal|start (saving|keeping a journal))\s*[.!]*\s*$", Options)]
    private static partial Regex JournalOn();

    [GeneratedRegex(@"^\s*(journal off|no journal|stop (saving|keeping a journal)|(don'?t|never) (ever )?(save|keep) (anything|a journal|my reflections))\s*[.!]*\s*$", Options)]
    private static partial Regex JournalOff();
}
