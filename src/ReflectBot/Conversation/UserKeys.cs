using Microsoft.Bot.Schema;

namespace ReflectBot.Conversation;

/// <summary>The stable key of the user behind an activity: channel plus the channel's user id.</summary>
public static class UserKeys
{
    public static string Of(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}/{activity.From?.Id}";
    }
}
