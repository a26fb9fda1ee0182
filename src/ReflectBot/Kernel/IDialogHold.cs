namespace ReflectBot.Kernel;

/// <summary>
/// Keeps the dialog in progress from taking the next messages as its answers until the person asks for it back
/// ("back"). The safety feature holds a journey after a crisis reply, so that what comes next ("i need to talk to
/// someone", "im safe, it's just relationship stuff") is answered for what it is, not saved as the journey's answer.
/// </summary>
public interface IDialogHold
{
    /// <summary>Whether the dialog in progress is held this turn.</summary>
    Task<bool> HoldsAsync(TurnInfo turn, CancellationToken cancellationToken = default);

    /// <summary>The person asked for the dialog back: it answers again from now on.</summary>
    Task ReleaseAsync(TurnInfo turn, CancellationToken cancellationToken = default);
}
