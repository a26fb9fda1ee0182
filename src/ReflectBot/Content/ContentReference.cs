namespace ReflectBot.Content;

/// <summary>A card or journey id named in a content file, checked once every file is loaded.</summary>
public sealed record ContentReference(ContentKind Kind, string Id, string File, int Line, string Where);
