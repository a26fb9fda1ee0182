using ReflectBot.Content;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// In the middle of a journey, a one-word message is the answer to its question ("home", "journal", "fears",
/// "enough"), not a command that sets the journey aside: a person asked "what do you keep wanting?" may well
/// answer "home". Only the few words a journey promises always work stay commands: help, stop, cancel, menu,
/// back (and "skip", "previous" or "undo", which the journey itself reads). Longer commands ("my journal", "tell me about fears")
/// still interrupt, and so does a one-word command while a choice, a scale or the save question is open (a word
/// there cannot be the answer).
/// </summary>
public sealed class JourneyWordAnswerCommand(ContinueDialogCommand dialog) : ITurnCommand
{
    private static readonly HashSet<string> Escapes = new(["help", "stop", "cancel", "menu", "back"], StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> is one word that is not one of the words that always work.</summary>
    public static bool IsAnswerWord(string? text)
    {
        var words = CardCatalog.Normalize(text);
        return words.Length > 0 && !words.Contains(' ', StringComparison.Ordinal) && !Escapes.Contains(words)
            && !string.Equals(text?.Trim(), "?", StringComparison.Ordinal);
    }

    public Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Dialogs.ActiveDialog is { } active && turn.Dialogs.FindDialog(active.Id) is JourneyDialog journey
            && journey.AwaitsText(active) && IsAnswerWord(turn.Text)
            ? dialog.TryHandleAsync(turn, cancellationToken)
            : Task.FromResult(false);
    }
}
