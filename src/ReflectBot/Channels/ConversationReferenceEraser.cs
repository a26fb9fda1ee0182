using ReflectBot.Privacy;

namespace ReflectBot.Channels;

/// <summary>"delete my data": the user's stored conversation reference goes, so nothing can write to them first.</summary>
public sealed class ConversationReferenceEraser(ConversationReferences references) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await references.DeleteAsync(userId, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
