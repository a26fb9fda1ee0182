using ReflectBot.Kernel;

namespace ReflectBot.Conversation;

/// <summary>
/// "back", "continue": the question of what is in progress, again, and a held dialog (<see cref="IDialogHold"/>)
/// answers from now on. With nothing in progress it is no command.
/// </summary>
public sealed class BackCommand(IEnumerable<IDialogHold> holds) : ITurnCommand
{
    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!GlobalCommands.Is(GlobalCommand.Back, turn.Text) || turn.Dialogs.ActiveDialog is null)
        {
            return false;
        }

        foreach (var hold in holds)
        {
            await hold.ReleaseAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
