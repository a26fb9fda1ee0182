namespace ReflectBot.Content;

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

    /// <summary>A card shown after any answer (an answer's own card comes first).</summary>
    public string? Card { get; set; }

    /// <summary>The step that comes next whatever the answer, unless the answer names its own; skips the steps between.</summary>
    public string? Next { get; set; }

    /// <summary>Whether a text answer may bring up a card whose keywords it uses (default yes).</summary>
    public bool SuggestCards { get; set; } = true;

    /// <summary>Whether the bot says one line back about a text answer (free journaling).</summary>
    public bool Reflect { get; set; }

    /// <summary>The line of <see cref="Next"/>, for error messages.</summary>
    public int NextLine { get; set; }

    /// <summary>Where in the file the step starts (1-based), for error messages.</summary>
    public int Line { get; set; }
}
