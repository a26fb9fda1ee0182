using ReflectBot.Kernel;
using ReflectBot.Privacy;

namespace ReflectBot.Channels.DirectLine;

/// <summary>The local web chat's part of "delete my data": the user's conversations here are emptied and every token issued to them so far is revoked.</summary>
public sealed class DirectLineDataEraser(DirectLineRevocations revocations) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (UserKeys.ChannelOf(userId) == DirectLineBridge.ChannelId && UserKeys.UserIdOf(userId) is { Length: > 0 } webChatUser)
        {
            await revocations.RevokeUserAsync(webChatUser, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
