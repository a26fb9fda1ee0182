using Microsoft.Bot.Schema;

namespace ReflectBot.Kernel;

/// <summary>The ids of an activity that become parts of storage keys (channel, sender, conversation), checked together.</summary>
public static class ActivityChecks
{
    /// <summary>Null when every key part of <paramref name="activity"/> is usable; else the first problem, in plain words.</summary>
    public static string? ProblemWith(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!UserKeys.TryFrom(activity.ChannelId, activity.From?.Id, out _, out var problem))
        {
            return problem;
        }

        return IdRules.ProblemWith(activity.Conversation?.Id, IdRules.MaxConversationIdLength) is { } conversation
            ? "The conversation id " + conversation + "."
            : null;
    }
}
