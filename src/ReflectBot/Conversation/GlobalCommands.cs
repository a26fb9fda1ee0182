using System.Text.RegularExpressions;

namespace ReflectBot.Conversation;

/// <summary>
/// Recognizes the few words that interrupt whatever is going on. They match only as the whole message
/// ("stop", "cancel please"), so an answer that merely contains the word ("I can't stop thinking") is
/// still an answer.
/// </summary>
public static partial class GlobalCommands
{
    /// <summary>Whether <paramref name="text"/> is <paramref name="word"/> (the first word it reads as, as <see cref="Match"/> decides).</summary>
    public static bool Is(GlobalCommand word, string? text) => Match(text) == word;

    public static GlobalCommand Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GlobalCommand.None;
        }

        var t = text.Trim();
        return t switch
        {
            _ when Help().IsMatch(t) => GlobalCommand.Help,
            _ when Cancel().IsMatch(t) => GlobalCommand.Cancel,
            _ when Menu().IsMatch(t) => GlobalCommand.Menu,
            _ when Back().IsMatch(t) => GlobalCommand.Back,
            _ when Bot().IsMatch(t) => GlobalCommand.AreYouABot,
            _ when Greeting().IsMatch(t) => GlobalCommand.Greeting,
            _ => GlobalCommand.None,
        };
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "what can you do", "what is this thing for anyway": asking what the bot is for is asking for help.
    [GeneratedRegex(@"^\s*(help|help me|\?|what can i (say|type|do)( here)?|commands|what (can|do) you do|what else can you do|what are you( for)?|what do you do|what'?s this( thing| bot| app)?( for)?( anyway)?|what is this( thing| bot| app)?( for)?( anyway)?|how does this( thing| bot| app)? work|how do i use (this|you)|what are my options)\s*[?.!]*\s*$", Options)]
    private static partial Regex Help();

    [GeneratedRegex(@"^\s*(cancel|stop|quit|exit|end|enough|stop (this|it|please)|cancel (this|it|please)|i want to stop)\s*[.!]*\s*$", Options)]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^\s*(menu|main menu|show (me )?the menu|options|home)\s*[.!]*\s*$", Options)]
    private static partial Regex Menu();

    [GeneratedRegex(@"^\s*(back|go back|continue|resume|where was i\??)\s*[.!]*\s*$", Options)]
    private static partial Regex Back();

    [GeneratedRegex(@"^\s*(hi|hello|hey|hiya|heya|good (morning|afternoon|evening)|start|get started|/start)\b[\s\w,!.]*$", Options)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(are you (a |an )?(bot|robot|human|person|real|ai|machine)|am i (talking|speaking|chatting) (to|with) (a )?(human|person|real person|bot|machine|robot)|is this (a )?(bot|human|real person))\b", Options)]
    private static partial Regex Bot();
}
