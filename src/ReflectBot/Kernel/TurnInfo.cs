using Microsoft.Bot.Builder;
using ReflectBot.Dialogs;

namespace ReflectBot.Kernel;

/// <summary>What a command sees of the current message turn.</summary>
public sealed class TurnInfo
{
    public TurnInfo(ITurnContext context, DialogContext dialogs, UserProfile profile, string? text)
    {
        Context = context;
        Dialogs = dialogs;
        Profile = profile;
        Text = text;
    }

    public ITurnContext Context { get; }

    /// <summary>The root dialog stack; begin a journey on it, or check <see cref="DialogContext.ActiveDialog"/>.</summary>
    public DialogContext Dialogs { get; }

    /// <summary>The user's profile (user state); changes are saved at the end of the turn.</summary>
    public UserProfile Profile { get; }

    /// <summary>The message's words, trimmed; null when it had none.</summary>
    public string? Text { get; }

    /// <summary>The user's key in the journal and other stores.</summary>
    public string UserId => UserKeys.Of(Context.Activity);
}
