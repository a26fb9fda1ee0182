namespace ReflectBot.Kernel;

/// <summary>
/// Something a user can type to make the bot do a thing ("check in", "learn", "my journal"). Each feature
/// registers its own; the bot asks them in <see cref="Order"/> before handing the message to a journey
/// in progress, so a command interrupts whatever is going on. Match on the whole message, so an answer
/// that merely contains the words is still an answer.
/// </summary>
public interface ITurnCommand
{
    /// <summary>Lower runs first; below zero, before the global words (help, cancel, menu, back).</summary>
    int Order { get; }

    /// <summary>Handles the message and returns true, or returns false to let others try.</summary>
    Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default);
}
