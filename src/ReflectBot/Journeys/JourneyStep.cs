namespace ReflectBot.Journeys;

/// <summary>One question of a journey.</summary>
public sealed class JourneyStep
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The question, in one to three wordings; the bot varies between them.</summary>
    public List<string> Prompt { get; set; } = [];

    public AnswerDefinition Answer { get; set; } = new();

    /// <summary>Whether this answer goes into the journal entry (default yes).</summary>
    public bool Save { get; set; } = true;

    /// <summary>Whether this scale answer is the entry's mood score.</summary>
    public bool Mood { get; set; }

    /// <summary>Where in the file the step starts (1-based), for error messages.</summary>
    public int Line { get; set; }
}
