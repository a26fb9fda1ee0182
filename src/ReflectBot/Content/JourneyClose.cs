namespace ReflectBot.Content;

/// <summary>How a journey ends: whether and how it offers to save, its closing words, and what it offers next.</summary>
public sealed class JourneyClose
{
    /// <summary>Asked before saving; without it the journey saves without asking (when the user has agreed to a journal).</summary>
    public string? SavePrompt { get; set; }

    public string Saved { get; set; } = "Saved to your journal.";

    public string NotSaved { get; set; } = "Okay, I haven't saved it.";

    /// <summary>A card or journey offered at the very end; an answer's own offer takes its place.</summary>
    public JourneyOffer Offer { get; set; } = new();
}
