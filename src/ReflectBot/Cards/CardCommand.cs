using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Cards;

/// <summary>
/// "learn" / "cards": the topics to browse; "tell me about X": the cards of topic X, or the one card that
/// fits X best. Matched on the whole message, so an answer that only mentions a card's words is an answer.
/// A journey in progress stays open underneath.
/// </summary>
public sealed partial class CardCommand(CardCatalog cards, JourneyCatalog journeys, StringCatalog strings, ICardAvailability? availability = null) : ITurnCommand
{
    /// <summary>"learn", "cards", "tell me about …".</summary>
    public static bool Claims(string text)
        => Browse().IsMatch(text) || About().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Text))
        {
            return false;
        }

        // "what is secure attachment": a question, with nothing in progress, that a card answers. In a journey it is
        // the journey's ("what's on your mind?" may well be answered "what is on my mind is my mother"), and with no
        // card it is the fallback's honest "I'm not sure about that".
        var question = !Browse().IsMatch(turn.Text) && !About().IsMatch(turn.Text) && turn.Dialogs.ActiveDialog is null
            && WhatIs().Match(turn.Text) is { Success: true } asked && cards.Lookup(asked.Groups["topic"].Value) is { Count: > 0 }
            ? asked.Groups["topic"].Value
            : null;
        if (!Browse().IsMatch(turn.Text) && !About().IsMatch(turn.Text) && question is null)
        {
            return false;
        }

        // Paused for this person by their clinician: said plainly, and by whom.
        if (availability is not null && await availability.PausedByAsync(turn, cancellationToken).ConfigureAwait(false) is { } by)
        {
            await turn.Context.SendActivityAsync(MessageFactory.Text(strings.Text(CardStrings.Paused, ("clinician", by))), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var channel = turn.Context.Activity.ChannelId;
        if (Browse().IsMatch(turn.Text))
        {
            await turn.Context.SendActivityAsync(CardRenderer.Topics(cards, strings, channel), cancellationToken).ConfigureAwait(false);
        }
        else if (question is not null || About().Match(turn.Text) is { Success: true })
        {
            var topic = question ?? About().Match(turn.Text).Groups["topic"].Value;
            var found = cards.Lookup(topic);
            var reply = found.Count switch
            {
                0 => MessageFactory.Text(strings.Text(CardStrings.NoCard, ("topic", Shorten(topic)))),
                1 => CardRenderer.Render(found[0], journeys, strings, channel),
                _ => CardRenderer.List(found, strings.Text(CardStrings.CardsAbout, ("topic", topic.Trim())), strings, channel),
            };
            await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return false;
        }

        // A journey's dialog has the journey's id.
        if (turn.Dialogs.ActiveDialog is { } active && journeys.Find(active.Id) is { } journey)
        {
            await turn.Context.SendActivityAsync(MessageFactory.Text(strings.Text(CardStrings.JourneyStillOpen, ("title", journey.Title.ToLowerInvariant()))), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static string Shorten(string topic) => topic.Length <= 40 ? topic.Trim() : topic[..40].Trim() + "…";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(learn|learn more|cards|card|show (me )?(the )?cards|topics|read something)\s*[.!?]*\s*$", Options)]
    private static partial Regex Browse();

    [GeneratedRegex(@"^\s*(please\s+)?(tell me (more )?about|learn about|show me (the )?card (about|on|for)|card (about|on|for)|cards (about|on|for))\s+(the\s+)?(?<topic>.+?)\s*[.!?]*\s*$", Options)]
    private static partial Regex About();

    [GeneratedRegex(@"^\s*(?:what|who)\s*(?:is|are|'s|’s)\s+(?:an?\s+|the\s+)?(?<topic>[^?]+?)\s*[?.!]*\s*$|^\s*what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?<topic>[^?]+?)\s+mean\s*[?.!]*\s*$", Options)]
    private static partial Regex WhatIs();
}
