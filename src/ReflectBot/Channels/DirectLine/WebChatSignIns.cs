using Microsoft.Bot.Builder;
using ReflectBot.Storage;

namespace ReflectBot.Channels.DirectLine;

/// <summary>Makes each clinician sign-in link work once: its id is written create-only, and only the first write wins (across instances too).</summary>
public sealed class WebChatSignIns(IStorage storage, TimeProvider time)
{
    public async Task<bool> TryUseAsync(string codeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeId);
        var record = new Dictionary<string, object>
        {
            [StoreJson.ETagProperty] = StoreJson.CreateOnlyETag,
            ["usedUtcMs"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [$"{DirectLineBridge.ChannelId}/sign-ins/{codeId}"] = record }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ETagConflictException)
        {
            return false;
        }
    }
}
