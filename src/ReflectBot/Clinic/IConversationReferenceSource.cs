using Microsoft.Bot.Schema;

namespace ReflectBot.Clinic;

/// <summary>
/// Where the clinic finds a client's conversation to deliver into. A seam: the Teams feature keeps its own
/// store of conversation references; at merge this can be pointed at it.
/// </summary>
public interface IConversationReferenceSource
{
    /// <summary>Remembers the conversation an activity came from (called on every turn of every user).</summary>
    Task RecordAsync(IActivity activity, CancellationToken cancellationToken = default);

    /// <summary>The latest conversation of the user, or null when they have not written yet.</summary>
    Task<ConversationReference?> FindAsync(string userId, CancellationToken cancellationToken = default);
}
