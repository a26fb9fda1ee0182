namespace ReflectBot.Clinic;

/// <summary>A shared entry with each answer under the question as it was asked.</summary>
public sealed record SummaryEntry(string Title, DateTimeOffset CreatedUtc, IReadOnlyList<(string Question, string Answer)> Answers);
