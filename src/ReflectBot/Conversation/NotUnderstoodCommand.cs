using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The last row: nothing took the message. A few words of the person's own ("I had a rough day with my mum") are
/// most likely something on their mind, so they are thanked and offered a page to write on; anything shorter gets
/// "I'm not sure what you mean" and the menu (or a request for words).
/// </summary>
public sealed class NotUnderstoodCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    /// <summary>Words with a letter in them from which a message reads as something said, not a command mistyped.</summary>
    public const int MinOwnWords = 4;

    private const string FreeWritingJourney = "free-journaling";
    private const string CheckInJourney = "daily-check-in";

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        if (turn.Text is null)
        {
            await context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NoWords]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (OwnWords.Count(turn.Text) >= MinOwnWords && catalog.Find(FreeWritingJourney) is { } freeWriting && catalog.Find(CheckInJourney) is { } checkIn)
        {
            var text = strings.Text(ConversationStrings.OnYourMind, ("freeWrite", freeWriting.StartCommand), ("checkIn", checkIn.StartCommand));
            await context.SendActivityAsync(Suggestions.Of([freeWriting.StartCommand, checkIn.StartCommand, "menu"], text), cancellationToken).ConfigureAwait(false);
            return true;
        }

        await context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NotSure]), cancellationToken).ConfigureAwait(false);
        await context.SendActivityAsync(Menu.Card(catalog, strings, context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
