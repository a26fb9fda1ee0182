namespace ReflectBot.Conversation;

/// <summary>Things a user can say at any point, even in the middle of a journey.</summary>
public enum GlobalCommand
{
    None,
    Help,
    Cancel,
    Menu,
    Back,
    Greeting,
    AreYouABot,
}
