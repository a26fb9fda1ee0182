using ReflectBot.Content;

namespace ReflectBot.Channels.Teams;

/// <summary>What the bot says in Teams-specific situations, in <c>dialogs/strings/channels.yaml</c>.</summary>
public static class TeamsStrings
{
    /// <summary>
    /// The only thing the bot ever posts in a group chat or channel: nothing personal, and a pointer to
    /// urgent help that names no one.
    /// </summary>
    public static readonly StringKey OneToOneOnly = new("channels.oneToOneOnly");

    public static readonly StringKey Shortened = new("channels.shortened");

    public static readonly StringKey CardTooLarge = new("channels.cardTooLarge");

    public static readonly StringKey CardActionDone = new("channels.cardActionDone");
}
