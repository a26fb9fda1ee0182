namespace ReflectBot.Kernel;

/// <summary>
/// One row of the routing table: a name, what it answers (<see cref="Says"/>, for people), the handler that takes
/// the message, and for a code command the phrases it claims whatever the state (<see cref="Claims"/>), which
/// the tests and <c>validate</c> read to keep content commands from colliding with the code's.
/// </summary>
public sealed record TurnRoute(string Name, RouteKind Kind, Type Handler, string Says, Func<string, bool>? Claims = null)
{
    public static TurnRoute Answer<T>(string name, string says) where T : ITurnCommand => new(name, RouteKind.Answer, typeof(T), says);

    public static TurnRoute Word<T>(string name, string says, Func<string, bool> claims) where T : ITurnCommand => new(name, RouteKind.Word, typeof(T), says, claims);

    public static TurnRoute Command<T>(string name, string says, Func<string, bool> claims) where T : ITurnCommand => new(name, RouteKind.Command, typeof(T), says, claims);

    public static TurnRoute ContentCommand<T>(string name, string says) where T : ITurnCommand => new(name, RouteKind.ContentCommand, typeof(T), says);

    public static TurnRoute Dialog<T>(string name, string says) where T : ITurnCommand => new(name, RouteKind.Dialog, typeof(T), says);

    public static TurnRoute Idle<T>(string name, string says, Func<string, bool> claims) where T : ITurnCommand => new(name, RouteKind.Idle, typeof(T), says, claims);

    public static TurnRoute Fallback<T>(string name, string says) where T : ITurnCommand => new(name, RouteKind.Fallback, typeof(T), says);

    /// <summary>Whether a dialog's interruption policy can hold this row back.</summary>
    public bool CanBeHeldBack => Kind is RouteKind.Command or RouteKind.ContentCommand;
}
