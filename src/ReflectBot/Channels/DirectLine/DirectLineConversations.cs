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

    /// <summary>A new conversation, with an unguessable id, for <paramref name="userId"/> or a new user with an unguessable id.</summary>
    public DirectLineConversation Create(string? userId = null)
    {
        MakeRoom();
        var now = time.GetUtcNow();
        var conversation = New(NewId(), userId ?? NewUserId(), now);
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    /// <summary>A web chat user id as this host makes them: "dl_" and 128 random bits.</summary>
    public static string NewUserId() => "dl_" + NewId();

    public bool TryGet(string conversationId, out DirectLineConversation conversation)
        => _conversations.TryGetValue(conversationId, out conversation!);

    /// <summary>
    /// The conversation a valid token names, re-created (same id, same user, same session start, already started,
    /// empty log) when this process does not know it: after a restart, or after it was forgotten as the idlest.
    /// The token's signature is the proof it was ours, and the user id in it is what keys the person's state and
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
        var conversation = New(token.ConversationId, token.UserId, token.SessionStart);

        // Started already: the bot welcomed this person when the conversation began, and its state says so.
        conversation.TryStart();
        var added = _conversations.GetOrAdd(conversation.Id, conversation);
        resumed = ReferenceEquals(added, conversation);
        return added;
    }

    /// <summary>Closes (empties, and stops taking activities) every conversation of <paramref name="userId"/> held here.</summary>
    public int CloseAllOf(string userId)
    {
        var closed = 0;
        foreach (var conversation in _conversations.Values.Where(c => c.UserId == userId))
        {
            conversation.Close();
            closed++;
        }

        return closed;
    }

    private DirectLineConversation New(string id, string userId, DateTimeOffset sessionStart)
        => new(id, userId, _options.MaxActivitiesPerConversation, _options.MaxTranscriptBytes, sessionStart, time.GetUtcNow());

    private void MakeRoom()
    {
        while (_conversations.Count >= _options.MaxConversations)
        {
            var idlest = _conversations.Values.MinBy(c => c.LastActive);
            if (idlest is null || !_conversations.TryRemove(idlest.Id, out _))
            {
                return;
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
