using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The conversations this endpoint created or resumed from a valid token, in memory. Only these may receive the bot's posts, so the
/// connector routes cannot be used to write into anything else.
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>A new conversation with a new user, both with unguessable ids.</summary>
    public DirectLineConversation Create()
    {
        MakeRoom();
        var conversation = new DirectLineConversation(NewId(), "dl_" + NewId(), _options.MaxActivitiesPerConversation, time.GetUtcNow());
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    public bool TryGet(string conversationId, out DirectLineConversation conversation)
        => _conversations.TryGetValue(conversationId, out conversation!);

    /// <summary>
    /// The conversation a valid token names, re-created (same id, same user, already started, empty log)
    /// when this process does not know it: after a restart, or after it was forgotten as the idlest. The
    /// token's signature is the proof it was ours, and the user id in it is what keys the person's state and
    /// journal, so resuming keeps them; refusing would make the page start over as a stranger.
    /// </summary>
    public DirectLineConversation GetOrResume(DirectLineToken token, out bool resumed)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_conversations.TryGetValue(token.ConversationId, out var known))
        {
            resumed = false;
            return known;
        }

        MakeRoom();
        var conversation = new DirectLineConversation(token.ConversationId, token.UserId, _options.MaxActivitiesPerConversation, time.GetUtcNow());

        // Started already: the bot welcomed this person when the conversation began, and its state says so.
        conversation.TryStart();
        var added = _conversations.GetOrAdd(conversation.Id, conversation);
        resumed = ReferenceEquals(added, conversation);
        return added;
    }

    private void MakeRoom()
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            var idlest = _conversations.Values.MinBy(c => c.LastActive);
            if (idlest is not null)
            {
                _conversations.TryRemove(idlest.Id, out _);
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
