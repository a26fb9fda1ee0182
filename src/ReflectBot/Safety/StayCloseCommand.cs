using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// Next to last: a message nothing else took, within an hour of a crisis reply ("ok", "i don't know what to do").
/// The person may still be in danger, so the bot stays steady (the emergency number and the lines again, then
/// gentle ways on) rather than "I'm not sure what you mean" and the whole menu: once, or, while the journey of the
/// crisis reply is held, to each such message (saying it is paused and "back" carries on), since it no longer
/// takes them.
/// </summary>
public sealed class StayCloseCommand(CrisisResponder responder) : ITurnCommand
{
    public Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Text is null ? Task.FromResult(false) : responder.StayCloseAsync(turn, cancellationToken);
    }
}
