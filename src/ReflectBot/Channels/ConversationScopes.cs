using Microsoft.Bot.Schema;

namespace ReflectBot.Channels;

/// <summary>Tells a one-to-one conversation from a group chat or a team channel.</summary>
public static class ConversationScopes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";

    /// <summary>
    /// True for Teams group chats and team channels (conversationType "groupChat" / "channel"), and for any
    /// channel's conversation marked isGroup: places where others would read what the bot posts.
    /// </summary>
    public static bool IsShared(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation;
        if (conversation is null)
        {
            return false;
        }

        return conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, GroupChat, StringComparison.OrdinalIgnoreCase)
            || string.Equals(conversation.ConversationType, Channel, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The conversation's kind for logs: "groupChat", "channel" or "group".</summary>
    public static string KindOf(IActivity activity)
        => activity?.Conversation?.ConversationType is { Length: > 0 } type ? type : "group";
}
