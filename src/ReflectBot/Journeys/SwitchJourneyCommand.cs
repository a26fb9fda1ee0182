using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Journeys;

/// <summary>
/// In the middle of a journey, a short message that asks for another one ("can I do the attachment one instead",
/// "can we do the fears thing", "let's do a thought record") is a request, not an answer: it is not read as the
/// question's answer (a 1 on the mood scale, a saved sentence) but offered back, "Shall we stop the daily check-in
/// and start Early attachment?" (<see cref="SwitchJourneyDialog"/>). Only the wording of a request counts (how the
/// message starts, or "instead" at its end), and only with another journey named in it, so an answer that merely
/// mentions a journey's word is still an answer.
/// </summary>
public sealed partial class SwitchJourneyCommand(JourneyCatalog catalog, StringCatalog strings, IJourneyAvailability? availability = null) : ITurnCommand
{
    /// <summary>Longer than this, a message is something written, not a request to switch.</summary>
    public const int MaxWords = 12;

    /// <summary>Worded as a request to do something else ("can we do …", "let's try …", "… instead").</summary>
    public static bool Claims(string text)
        => !string.IsNullOrWhiteSpace(text) && OwnWords.Count(text) <= MaxWords && (Request().IsMatch(text) || Instead().IsMatch(text));

    /// <summary>The journey, other than <paramref name="currentId"/>, whose command or title the text names; the longest name wins.</summary>
    public static JourneyDefinition? Named(JourneyCatalog journeys, string text, string currentId)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var said = $" {CardCatalog.Normalize(text)} ";
        return journeys.All
            .Where(j => !string.Equals(j.Id, currentId, StringComparison.Ordinal))
            .SelectMany(j => j.Commands.Append(j.Title).Select(name => (Journey: j, Name: CardCatalog.Normalize(name))))
            .Where(n => n.Name.Length > 0 && said.Contains($" {n.Name} ", StringComparison.Ordinal))
            .OrderByDescending(n => n.Name.Length)
            .Select(n => n.Journey)
            .FirstOrDefault();
    }

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Text is not { } text || !Claims(text)
            || turn.Dialogs.ActiveDialog is not { } active || turn.Dialogs.FindDialog(active.Id) is not JourneyDialog current
            || Named(catalog, text, current.Journey.Id) is not { } wanted)
        {
            return false;
        }

        if (availability is not null && await availability.PausedByAsync(turn, wanted.Id, cancellationToken).ConfigureAwait(false) is { } by)
        {
            await turn.Context.SendActivityAsync(MessageFactory.Text(strings.Text(JourneyStrings.Paused, ("title", wanted.Title), ("clinician", by))), cancellationToken).ConfigureAwait(false);
            await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        await turn.Dialogs.BeginDialogAsync(SwitchJourneyDialog.DialogId, new SwitchJourneyRequest(current.Journey.Id, wanted.Id), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\W*(?:(?:ok|okay|actually|um+|hmm+|so|oh|wait|hey|no|sorry|please)\W+)*(?:(?:can|could|may|shall)\s+(?:i|we)\s+(?:please\s+)?(?:do|try|start|switch|go|change|have|move)|(?:let'?s|let\s+us)\s+(?:do|try|start|switch|go)|i(?:'d|\s+would)?\s*(?:want|wanna|like|rather|prefer)\s+(?:to\s+)?(?:do|try|start|switch|go)|(?:switch|change|go)\s+to|(?:do|start)\s+(?:the|a)\b)\b", Options)]
    private static partial Regex Request();

    [GeneratedRegex(@"\binstead\W*$", Options)]
    private static partial Regex Instead();
}
