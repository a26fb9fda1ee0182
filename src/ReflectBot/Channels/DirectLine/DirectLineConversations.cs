using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The conversations this endpoint created, in memory. Only these may receive the bot's posts, so the
/// connector routes cannot be used to write into anything else.
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>A new conversation with a new user, both with unguessable ids.</summary>
    public DirectLineConversation Create()
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            var idlest = _conversations.Values.MinBy(c => c.LastActive);
            if (idlest is not null)
            {
                _conversations.TryRemove(idlest.Id, out _);
            }
        }

        var conversation = new DirectLineConversation(NewId(), "dl_" + NewId(), _options.MaxActivitiesPerConversation, time.GetUtcNow());
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    public bool TryGet(string conversationId, out DirectLineConversation conversation)
        => _conversations.TryGetValue(conversationId, out conversation!);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
