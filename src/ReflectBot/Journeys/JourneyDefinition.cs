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

    /// <summary>Every card and journey id the file names, checked against the other files once all are loaded.</summary>
    public List<ContentReference> References { get; } = [];

    /// <summary>The file it was loaded from, for error messages.</summary>
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>
    /// How many questions a walk from step <paramref name="index"/> asks, following each step's
    /// <c>next</c> (an answer's own branch is not known until it is given); for "question 3 of 6".
    /// </summary>
    public int PathLength(int index)
    {
        var count = 0;
        while (index >= 0 && index < Steps.Count && count <= Steps.Count)
        {
            count++;
            var next = Steps[index].Next;
            index = next is null ? index + 1 : Steps.FindIndex(s => s.Id == next);
        }

        return count;
    }
}
