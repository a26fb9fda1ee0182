namespace ReflectBot.Content;

/// <summary>What an answer leads to: a card shown now, a later step to skip to, a journey offered at the end.</summary>
public abstract class AnswerFollowUp
{
    /// <summary>The id of a card to show right after the answer.</summary>
    public string? Card { get; set; }

    /// <summary>The id of a later step to skip to.</summary>
    public string? Goto { get; set; }

    /// <summary>The id of a journey to offer when this one ends (instead of the close's own offer).</summary>
    public string? Offer { get; set; }

    /// <summary>The support reply this answer brings: "unsafe" or a risk class id (the schema lists them); null for none.</summary>
    public string? Support { get; set; }

    /// <summary>Where in the file it is written (1-based), for error messages.</summary>
    public int Line { get; set; }

    /// <summary>The line of its <see cref="Goto"/>, for error messages.</summary>
    public int GotoLine { get; set; }
}
