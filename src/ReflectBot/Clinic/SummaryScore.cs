namespace ReflectBot.Clinic;

/// <summary>A measure's score; its item answers only when the client shared that measure's entry.</summary>
public sealed record SummaryScore(MeasureScore Score, string Title, IReadOnlyList<(string Question, string Answer)> Items);
