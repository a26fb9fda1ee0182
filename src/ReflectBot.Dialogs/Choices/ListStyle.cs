namespace ReflectBot.Dialogs.Choices;

/// <summary>How choices are presented.</summary>
public enum ListStyle
{
    /// <summary>Suggested actions where the channel shows enough of them, otherwise a hero card.</summary>
    Auto,

    /// <summary>Buttons that disappear once used.</summary>
    SuggestedAction,

    /// <summary>A hero card with one button per choice.</summary>
    HeroCard,

    /// <summary>A numbered list in the text itself.</summary>
    List,

    /// <summary>No presentation: the prompt text says what to type.</summary>
    None,
}
