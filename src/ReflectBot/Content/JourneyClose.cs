namespace ReflectBot.Content;

/// <summary>How a journey ends: whether and how it offers to save, its closing words, and what it offers next.</summary>
public sealed class JourneyClose
{
    /// <summary>Asked before saving; without it the journey saves without asking (when the user has agreed to a journal).</summary>
    public string? SavePrompt { get; set; }

    /// <summary>Said after saving; without it the journey says <c>journeys.saved</c> of dialogs/strings.</summary>
    public string? Saved { get; set; }

    /// <summary>Said when the person did not want it saved; without it the journey says <c>journeys.notSaved</c>.</summary>
    public string? NotSaved { get; set; }

    /// <summary>A card or journey offered at the very end; an answer's own offer takes its place.</summary>
    public JourneyOffer Offer { get; set; } = new();
}
