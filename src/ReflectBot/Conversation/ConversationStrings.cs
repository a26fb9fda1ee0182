using ReflectBot.Content;

namespace ReflectBot.Conversation;

/// <summary>The conversation's own sentences, in <c>dialogs/strings/conversation.yaml</c>.</summary>
public static class ConversationStrings
{
    public static readonly StringKey Welcome = new("conversation.welcome");
    public static readonly StringKey Hello = new("conversation.hello");

    /// <summary>"hi" straight after the welcome, in the same visit.</summary>
    public static readonly StringKey JustWelcomed = new("conversation.justWelcomed");
    public static readonly StringKey IAmABot = new("conversation.iAmABot");
    public static readonly StringKey NotSure = new("conversation.notSure");
    /// <summary>A question nothing answers ("what's the weather like"), before what the bot can do.</summary>
    public static readonly StringKey NotSureQuestion = new("conversation.notSureQuestion");

    public static readonly StringKey SelfQuestion = new("conversation.selfQuestion", "freeWrite", "checkIn");

    public static readonly StringKey NoWords = new("conversation.noWords");

    /// <summary>{freeWrite}, {checkIn}: the free-journaling and check-in journeys' commands.</summary>
    public static readonly StringKey OnYourMind = new("conversation.onYourMind", "freeWrite", "checkIn");
    public static readonly StringKey NothingToStop = new("conversation.nothingToStop");
    public static readonly StringKey LostOurPlace = new("conversation.lostOurPlace");

    /// <summary>{title}: what was stopped, in lower case.</summary>
    public static readonly StringKey Stopped = new("conversation.stopped", "title");

    /// <summary>"cancel" when what is in progress has no title to name.</summary>
    public static readonly StringKey StoppedUntitled = new("conversation.stoppedUntitled");

    /// <summary>{title}: what is still open, in lower case.</summary>
    public static readonly StringKey Paused = new("conversation.paused", "title");

    /// <summary>{title} in lower case, at question {question} of {of}.</summary>
    public static readonly StringKey WhereYouAreAt = new("conversation.whereYouAreAt", "title", "question", "of");

    public static readonly StringKey WhereYouAre = new("conversation.whereYouAre", "title");

    /// <summary>{commands}: each journey's first command, quoted, comma-separated.</summary>
    public static readonly StringKey Help = new("conversation.help", "commands");

    public static readonly StringKey MenuHeading = new("conversation.menuHeading");

    /// <summary>One journey's line of the menu: its {title}, {minutes}, {summary} and first {command}.</summary>
    public static readonly StringKey MenuJourney = new("conversation.menuJourney", "title", "minutes", "summary", "command");

    /// <summary>The menu's line for the cards; {command}: their command ("learn").</summary>
    public static readonly StringKey MenuLearn = new("conversation.menuLearn", "command");
}
