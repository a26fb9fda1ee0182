namespace ReflectBot.Clinic;

/// <summary>A record as read, with the ETag to write it back against.</summary>
public sealed record Versioned<T>(T Value, string ETag);
