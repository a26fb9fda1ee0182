using ReflectBot.Storage;

namespace ReflectBot.Privacy;

/// <summary>Deletes the user's folder (<c>{user}/...</c>) in an item store laid out by user, such as the conversation references.</summary>
public sealed class ItemFolderEraser(IItemStore items) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await items.DeleteFolderAsync(userId, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
