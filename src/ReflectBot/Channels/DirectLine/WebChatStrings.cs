using ReflectBot.Content;

namespace ReflectBot.Channels.DirectLine;

/// <summary>What the host's own web pages say to a person (the clinician sign-in page), in <c>dialogs/strings/channels.yaml</c>.</summary>
public static class WebChatStrings
{
    public static readonly StringKey SignInInvalid = new("channels.signInInvalid");

    /// <summary>{name}: the clinician's web chat user id the link signs in as.</summary>
    public static readonly StringKey SignInQuestion = new("channels.signInQuestion", "name");

    public static readonly StringKey SignInButton = new("channels.signInButton", "name");
}
