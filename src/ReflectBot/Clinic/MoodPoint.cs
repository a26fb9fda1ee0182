namespace ReflectBot.Clinic;

/// <summary>One mood score and when it was given.</summary>
public sealed record MoodPoint(DateTimeOffset AtUtc, int Mood);
