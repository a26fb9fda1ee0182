using ReflectBot.Content;

namespace ReflectBot.Safety.Evaluation;

/// <summary>One line of an evaluation or training set: <c>id label tag prompt text</c>, and where it came from.</summary>
public sealed record LabelledMessage(string Id, string Label, string Tag, string Prompt, string Text, string File, int Line)
{
    /// <summary>The author, from the id's prefix ("dh" of "dh-012").</summary>
    public string Author => Id.Contains('-', StringComparison.Ordinal) ? Id[..Id.IndexOf('-', StringComparison.Ordinal)] : Id;

    /// <summary>The label as a class; None for "none" and "past".</summary>
    public RiskClass Class => RiskClasses.FromId(Label);

    public bool IsRisk => Class != RiskClass.None;

    public bool IsPast => Label == LabelledSet.Past;
}
