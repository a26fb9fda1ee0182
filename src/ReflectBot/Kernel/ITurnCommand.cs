namespace ReflectBot.Kernel;

/// <summary>
/// The handler of one row of the routing table (<see cref="RouteTable"/>): a command a user types ("check in",
/// "learn", "my journal"), a word that works at any moment, an answer to what the bot just asked, or the dialog in
/// progress. Where it runs is the table's say, not the handler's. A command matches the whole message, so an
/// answer that merely contains its words is still an answer.
/// </summary>
public interface ITurnCommand
{
    /// <summary>Handles the message and returns true, or returns false to let the next row try.</summary>
    Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default);
}
