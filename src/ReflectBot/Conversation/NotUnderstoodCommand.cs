using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// The last row: nothing took the message. A few words of the person's own ("I had a rough day with my mum") are
/// most likely something on their mind, so they are thanked and offered a page to write on; anything shorter gets
/// "I'm not sure what you mean" and the menu (or a request for words). A question (or a setting said in passing,
/// "my time zone is new york") is not thanked: "I'm not sure about that" and what the bot can do; but a question
/// about oneself ("why do I always push people away?") is met as one, with a page to explore it on.
/// </summary>
public sealed partial class NotUnderstoodCommand(JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    /// <summary>Words with a letter in them from which a message reads as something said, not a command mistyped.</summary>
    public const int MinOwnWords = 4;

    /// <summary>Ends with "?", or starts the way a question does ("what", "how", "can", "is"…); or speaks of a setting.</summary>
    public static bool IsQuestion(string text)
        => text.TrimEnd().EndsWith('?') || QuestionStart().IsMatch(text) || Setting().IsMatch(text);

    [GeneratedRegex(@"^\W*(?:what|what's|whats|how|why|when|where|who|which|can|could|would|will|is|are|am|do|does|did|should|shall|may)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    /// <summary>A question about oneself: "why do I…", "how do I stop…", "is it normal…", "am I too…", "what's wrong with me".</summary>
    public static bool IsSelfQuestion(string text) => SelfQuestion().IsMatch(text);

    [GeneratedRegex(@"^\W*(?:why\s+(?:do|did|am|can'?t|don'?t|must)\s+i\b|why\s+(?:does|do)\s+(?:it|this|everyone|people)\s+(?:hurt|always|keep|leave)\b|how\s+(?:do|can|could|will)\s+i\s+(?:stop|feel|deal|cope|trust|let\s+go|forgive|move\s+on|be\s+(?:less|more|better|ok|okay|happy|enough))\b|is\s+it\s+(?:normal|ok|okay|wrong|bad|weird)\b|am\s+i\s+(?:too|being|a|the|normal|broken|crazy|wrong|enough|unlovable|selfish|the\s+problem)\b|what'?s\s+wrong\s+with\s+me\b|what\s+is\s+wrong\s+with\s+me\b|will\s+i\s+(?:ever|always)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfQuestion();

    [GeneratedRegex(@"\b(?:time\s*zone|timezone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Setting();

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

        // A question is not something on their mind to be thanked for: said plainly that the bot doesn't know, and what
        // it can do. (A question it can answer was taken earlier: help, a card, a command.)
        if (IsSelfQuestion(turn.Text) && catalog.Find(FreeWritingJourney) is { } page && catalog.Find(CheckInJourney) is { } quick)
        {
            var text = strings.Text(ConversationStrings.SelfQuestion, ("freeWrite", page.StartCommand), ("checkIn", quick.StartCommand));
            await context.SendActivityAsync(Suggestions.Of([page.StartCommand, quick.StartCommand, "menu"], text), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (IsQuestion(turn.Text))
        {
            var commands = string.Join(", ", catalog.All.Select(j => $"\"{j.StartCommand}\""));
            await context.SendActivityAsync(MessageFactory.Text(strings[ConversationStrings.NotSureQuestion]), cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(MessageFactory.Text(strings.Text(ConversationStrings.Help, ("commands", commands))), cancellationToken).ConfigureAwait(false);
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
