namespace ReflectBot.Safety;

/// <summary>One crisis line or directory, with the date a person last checked it.</summary>
public sealed record CrisisResource(string Name, string? Number, string How, string? Url, DateOnly Checked);
