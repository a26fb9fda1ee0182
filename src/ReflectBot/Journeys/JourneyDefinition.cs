namespace ReflectBot.Journeys;

/// <summary>A journey as written in <c>dialogs/journeys/*.yaml</c>: what the bot asks, in order.</summary>
public sealed class JourneyDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>One line saying what the journey is for.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>Roughly how long it takes, in minutes.</summary>
    public int Minutes { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>What a user can type to start it ("check in").</summary>
    public List<string> Commands { get; set; } = [];

    public List<JourneyStep> Steps { get; set; } = [];

    public JourneyClose Close { get; set; } = new();

    /// <summary>The file it was loaded from, for error messages.</summary>
    public string SourceFile { get; set; } = string.Empty;
}
