namespace ReflectBot.Channels.Teams;

/// <summary>What the bot says in Teams-specific situations.</summary>
public static class TeamsText
{
    /// <summary>
    /// The only thing the bot ever posts in a group chat or channel: nothing personal, and a pointer to
    /// urgent help that names no one.
    /// </summary>
    public const string OneToOneOnly =
        "Hi! I'm ReflectBot, a private journaling companion, so I only work in one-to-one chats and don't read or keep anything posted here. " +
        "To check in or journal, open a personal chat with me. If you need urgent help, contact your local emergency number.";

    public const string Shortened =
        "(This message was too long to send in one go, so I shortened it. Type \"help\" to see other ways to get what you asked for.)";

    public const string CardTooLarge = "(I had a card to show here, but it was too large for this chat.)";

    public const string CardActionDone = "Got it.";
}
