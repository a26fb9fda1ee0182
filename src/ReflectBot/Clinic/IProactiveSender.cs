using Microsoft.Bot.Schema;

namespace ReflectBot.Clinic;

/// <summary>Sends a message into a stored conversation outside a turn. A seam: the Teams feature's messenger can stand in at merge.</summary>
public interface IProactiveSender
{
    /// <summary>Sends; throws when the channel refused or could not be reached.</summary>
    Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken = default);
}
