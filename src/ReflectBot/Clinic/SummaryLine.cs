namespace ReflectBot.Clinic;

/// <summary>One line of the summary as every rendering shows it: a title, a heading, a plain line, or a question under an answer.</summary>
public sealed record SummaryLine(SummaryLineKind Kind, string Text, string? Detail = null);
