namespace ReflectBot.Dialogs;

/// <summary>The outcome of beginning or continuing a dialog: its status and, when it ended, its result.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>Dialog is waiting for input: end this turn.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);
}
