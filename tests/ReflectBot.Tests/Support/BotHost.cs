namespace ReflectBot.Tests.Support;

/// <summary>The real host in memory, talked to over its /api/messages by <see cref="BotClient"/>s.</summary>
public sealed class BotHost(string? dataPath = null, params (string Key, string? Value)[] settings) : ReflectBotHost(settings, dataPath)
{
    public BotClient Client(string userId = "user-1", string conversationId = "conv-1", string channelId = "webchat")
        => new(CreateClient(), userId, conversationId, channelId);
}
