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

    /// <summary>Where in the file it is written (1-based), for error messages.</summary>
    public int Line { get; set; }

    /// <summary>The line of its <see cref="Goto"/>, for error messages.</summary>
    public int GotoLine { get; set; }
}
