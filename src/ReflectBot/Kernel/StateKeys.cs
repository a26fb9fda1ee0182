namespace ReflectBot.Kernel;

/// <summary>
/// The storage keys Bot Builder's <c>ConversationState</c> and <c>UserState</c> keep their records under. BotState
/// builds them itself and keeps <c>GetStorageKey</c> protected, so this is the one place their format is written
/// down, for code that reaches a state record without a turn of its own (the merge of a lost user-state race,
/// "delete my data" for other conversations, the scheduler reading a client's switch).
/// </summary>
public static class StateKeys
{
    /// <summary>The conversation-state property that holds the root dialog stack.</summary>
    public const string DialogStateProperty = "dialogState";

    /// <summary>The user-state property that holds the <see cref="UserProfile"/>.</summary>
    public const string ProfileProperty = "profile";

    /// <summary>"{channel}/users/{user id}".</summary>
    public static string User(string? channelId, string? userId) => $"{channelId}/users/{userId}";

    /// <summary>"{channel}/conversations/{conversation id}".</summary>
    public static string Conversation(string? channelId, string? conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>The user-state key of the user a key of <see cref="UserKeys"/> names.</summary>
    public static string UserOf(string userKey) => User(UserKeys.ChannelOf(userKey), UserKeys.UserIdOf(userKey));
}
