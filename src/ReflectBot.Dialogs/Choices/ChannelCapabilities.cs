namespace ReflectBot.Dialogs.Choices;

/// <summary>What a channel can show, for choosing how to present choices.</summary>
public static class ChannelCapabilities
{
    /// <summary>How many suggested actions the channel shows; 0 where it shows none.</summary>
    public static int MaxSuggestedActions(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        // Teams shows suggested actions in personal chats, but only the first three.
        "msteams" => 3,
        "webchat" or "directline" or "emulator" or "test" or "console" => 100,
        "facebook" or "telegram" or "line" or "kik" => 10,
        _ => 0,
    };

    /// <summary>Whether the channel renders Adaptive Cards.</summary>
    public static bool SupportsAdaptiveCards(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        "msteams" or "webchat" or "directline" or "emulator" or "test" => true,
        _ => false,
    };
}
