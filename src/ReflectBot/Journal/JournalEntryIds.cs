using System.Security.Cryptography;
using System.Text;

namespace ReflectBot.Journal;

/// <summary>
/// Entry ids derived from the activity that completed the entry, so that a channel's retry of the same
/// activity (same id) lands on the same entry instead of creating a second one.
/// </summary>
public static class JournalEntryIds
{
    public static string From(string userId, string? conversationId, string? activityId)
    {
        var seed = string.IsNullOrEmpty(activityId)
            ? $"{userId}|{Guid.NewGuid():N}"
            : $"{userId}|{conversationId}|{activityId}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..24].ToLowerInvariant();
    }
}
