namespace ReflectBot.Content;

/// <summary>A journey as written in <c>dialogs/journeys/*.yaml</c>: what the bot asks, in order.</summary>
public sealed class JourneyDefinition
{
    /// <summary>The most minutes an ordinary journey may take: a reflection should fit a short break.</summary>
    public const int ShortMinutes = 5;

    /// <summary>The most minutes a journey marked <c>long</c> may take.</summary>
    public const int LongMinutes = 15;

    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>One line saying what the journey is for.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>Roughly how long it takes, in minutes: at most <see cref="ShortMinutes"/> unless <see cref="IsLong"/>.</summary>
    public int Minutes { get; set; }

    /// <summary>
    /// Set in the file (<c>long: true</c>) for the rare journey that cannot be short, such as a safety plan
    /// written once in a calm moment; it may then take up to <see cref="LongMinutes"/>.
    /// </summary>
    public bool IsLong { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>What a user can type to start it ("check in").</summary>
    public List<string> Commands { get; set; } = [];

    /// <summary>
    /// What a button or a hint posts to start it: its first command of more than one word (a one-word message in the
    /// middle of another journey is that journey's answer), else its first command, else its title.
    /// </summary>
    public string StartCommand => Commands.FirstOrDefault(c => CardCatalog.Normalize(c).Contains(' ', StringComparison.Ordinal)) ?? Commands.FirstOrDefault() ?? Title;

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
